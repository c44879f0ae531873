/**
 * Interface text of the workforce screens (petugas: TKSK and PSM) in Bahasa Indonesia;
 * `workers.en.ts` has the same keys. Composed into `id.ts` under `workers`.
 */
export const workersId = {
  nav: "Petugas",
  role: { tksk: "TKSK", psm: "PSM" },
  list: {
    title: "Petugas",
    intro: "TKSK dan PSM di wilayah Anda.",
    filters: "Saring petugas",
    region: "Wilayah",
    allRegions: "Semua wilayah saya",
    roleLabel: "Peran",
    allRoles: "Semua peran",
    found: "{{count}} petugas",
    empty: "Tidak ada petugas yang cocok.",
    name: "Nama",
    inactive: "nonaktif",
  },
  profile: {
    role: "Peran",
    region: "Wilayah",
    phone: "Telepon",
    noPhone: "Tidak ada nomor",
    status: "Status",
    active: "Aktif",
    inactive: "Nonaktif",
    kinerja: "Lihat kinerja saya",
    trainings: "Pelatihan yang diikuti",
    noTrainings: "Belum pernah mengikuti pelatihan.",
    programme: "Program",
    cohort: "Angkatan",
    dates: "Tanggal",
    attendance: "Kehadiran",
    preScore: "Nilai pre-test",
    postScore: "Nilai post-test",
    gain: "Gain ternormalisasi",
    gainUndefined: "tidak terdefinisi",
    gainPrePerfect: "tidak terdefinisi (pre-test 100)",
    gainMissing: "tidak terdefinisi (tes belum lengkap)",
    completed: "Lulus",
    notCompleted: "Belum lulus",
    certificate: "Sertifikat",
    noCertificate: "—",
    revoked: "dicabut",
    verify: "Periksa sertifikat {{number}}",
    competencies: "Kompetensi yang diperoleh",
    noCompetencies: "Belum ada kompetensi.",
  },
};

export type WorkersResources = typeof workersId;
