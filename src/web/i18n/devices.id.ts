/**
 * Interface text of the administrator's device page (/admin/perangkat) in Bahasa Indonesia;
 * `devices.en.ts` has the same keys. Composed into `id.ts` under `devices`.
 */
export const devicesId = {
  nav: "Perangkat",
  title: "Perangkat luring",
  intro:
    "Ponsel yang menyimpan data warga untuk kerja luring: siapa penggunanya, kapan terakhir sinkron, berapa data yang dipegang dan yang belum terkirim.",
  none: "Belum ada perangkat yang menyimpan data luring.",
  total: "{{count}} perangkat",
  user: "Pengguna",
  device: "Perangkat {{id}}",
  lastSeen: "Terakhir sinkron",
  held: "Data di perangkat",
  pending: "Belum terkirim",
  heldNone: "tidak ada",
  state: "Status",
  active: "Aktif",
  wipeRequested: "Menunggu dihapus (diminta {{when}})",
  wiped: "Data sudah dihapus {{when}}",
  wipe: "Hapus data perangkat ini",
  wipeLabel: "Hapus data perangkat {{id}} milik {{user}}",
  wipeConfirm:
    "Hapus semua data luring di perangkat {{user}}? Data dihapus saat perangkat terhubung lagi, termasuk {{pending}} perubahan yang belum terkirim.",
  wipeDone: "Permintaan hapus dicatat. Data dihapus saat perangkat terhubung lagi.",
  tables: {
    households: "keluarga",
    persons: "orang",
    cases: "kasus",
    case_tasks: "tugas",
    indicator_sets: "set indikator",
    ppks_categories: "kategori PPKS",
    services: "layanan",
    training_sessions: "sesi pelatihan",
    enrolments: "peserta pelatihan",
  },
};
