/**
 * Interface text in Bahasa Indonesia, the default language. `en.ts` must have the same keys
 * (the type checker enforces it). Keys are grouped by the part of the app that shows them.
 */
export const id = {
  app: {
    name: "Peduli",
    tagline: "Sistem kerja TKSK dan PSM Suku Dinas Sosial",
    skipToContent: "Langsung ke isi",
    mainNav: "Navigasi utama",
  },
  language: {
    label: "Bahasa",
    id: "Bahasa Indonesia",
    en: "English",
    idShort: "ID",
    enShort: "EN",
  },
  nav: {
    regions: "Wilayah",
  },
  common: {
    loading: "Memuat…",
    retry: "Coba lagi",
    breadcrumb: "Lokasi halaman",
  },
  errors: {
    title: "Data tidak dapat dimuat",
    network: "Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.",
    unexpected: "Server memberikan jawaban yang tidak terduga (kode {{status}}).",
    notFoundTitle: "Halaman tidak ditemukan",
    notFoundBody:
      "Alamat {{path}} tidak ada di Peduli. Mungkin tautannya salah atau halamannya sudah dipindahkan.",
    backHome: "Kembali ke beranda",
  },
  regions: {
    title: "Wilayah",
    intro: "Pilih wilayah untuk melihat jumlah keluarga dan jiwa yang terdaftar serta wilayah di bawahnya.",
    households: "Keluarga",
    persons: "Jiwa",
    code: "Kode",
    name: "Nama",
    kind: "Jenis",
    postalCode: "Kode pos {{postalCode}}",
    totals: "Jumlah terdaftar",
    childrenIn: "{{kinds}} di {{name}}",
    list: "Daftar wilayah",
    empty: "Belum ada data wilayah. Muat berkas wilayah terlebih dahulu.",
    noChildren: "Tidak ada wilayah di bawah {{name}}.",
    allRegions: "Semua wilayah",
  },
  kinds: {
    provinsi: "Provinsi",
    kota: "Kota",
    kabupaten: "Kabupaten",
    kecamatan: "Kecamatan",
    kelurahan: "Kelurahan",
    desa: "Desa",
    wilayah: "Wilayah",
  },
  /** Headings over a list of regions of one kind. */
  kindsPlural: {
    provinsi: "Provinsi",
    kota: "Kota",
    kabupaten: "Kabupaten",
    kecamatan: "Kecamatan",
    kelurahan: "Kelurahan",
    desa: "Desa",
    wilayah: "Wilayah",
  },
};

/** The shape every language's resources must have. */
export type Resources = typeof id;
