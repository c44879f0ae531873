/**
 * Interface text of the field app's offline work in Bahasa Indonesia; `offline.en.ts` has the same
 * keys. Composed into `id.ts` under `offline`.
 */
export const offlineId = {
  nav: "Kerja luring",
  status: {
    online: "Daring",
    offline: "Luring — tidak ada sinyal",
    lastSync: "Sinkron terakhir: {{when}}",
    never: "Belum pernah sinkron",
    pending: "{{count}} perubahan menunggu dikirim",
    attention: "{{count}} perubahan perlu diperiksa",
    syncing: "Menyinkronkan…",
    syncNow: "Sinkronkan sekarang",
    failed: "Sinkron gagal: {{error}}",
    loading: "Membuka data luring…",
    held: "Menyimpan {{held}} dari {{inScope}} orang di wilayah Anda (batas ponsel {{limit}}); selebihnya dapat dicari saat daring.",
  },
  setup: {
    title: "Siapkan data luring",
    intro:
      "Data keluarga wilayah Anda disimpan terenkripsi di ponsel ini. Masuk dan sambungkan ke internet sekali untuk menyiapkannya.",
    start: "Siapkan sekarang",
    needLogin: "Kunci data belum tersedia di tab ini: masuk saat ada sinyal.",
  },
  page: {
    title: "Kerja luring",
    intro:
      "Catat keluarga, anggota, kasus dan kunjungan tanpa sinyal; semuanya terkirim otomatis saat online.",
    held: "Di ponsel ini: {{households}} keluarga, {{persons}} orang, {{cases}} kasus terbuka",
  },
  household: {
    title: "Daftarkan keluarga",
    region: "Kode kelurahan",
    rw: "RW",
    rt: "RT",
    address: "Alamat",
    save: "Simpan keluarga",
    saved: "Keluarga disimpan di ponsel.",
  },
  person: {
    title: "Tambah anggota keluarga",
    household: "Keluarga",
    name: "Nama",
    sex: "Jenis kelamin",
    male: "Laki-laki",
    female: "Perempuan",
    relation: "Hubungan dalam keluarga",
    save: "Simpan anggota",
    saved: "Anggota disimpan di ponsel.",
  },
  caseForm: {
    title: "Buka kasus keluarga",
    household: "Keluarga",
    category: "Kode PPKS",
    description: "Uraian masalah",
    save: "Buka kasus",
    saved: "Kasus disimpan di ponsel.",
  },
  visit: {
    title: "Catat kunjungan",
    case: "Kasus",
    met: "Bertemu dengan",
    notes: "Catatan",
    save: "Simpan kunjungan",
    saved: "Kunjungan disimpan di ponsel.",
  },
  attention: {
    title: "Perlu diperiksa",
    rejected: "Ditolak server",
    conflict: "Bentrok: nilai server {{server}}, nilai Anda {{client}} ({{field}})",
    retry: "Kirim ulang",
    dismiss: "Tutup",
  },
  choose: "— pilih —",
  newRecord: "(baru, belum terkirim)",
};
