import { type Bilingual, interpolate, type Language } from "./language.ts";

/**
 * Every error Peduli reports has a stable code (clients and tests match on it), an HTTP status,
 * and a message in Indonesian and English. Messages may hold `{placeholders}`.
 * Features add their codes here so that the server, the web app and the CLI share one catalogue.
 */
export const ERROR_CATALOGUE = {
  validation_failed: {
    status: 400,
    id: "Data yang dikirim tidak valid.",
    en: "The request is not valid.",
  },
  route_not_found: {
    status: 404,
    id: "Alamat {method} {url} tidak dikenal.",
    en: "Route {method} {url} does not exist.",
  },
  not_found: { status: 404, id: "{what} tidak ditemukan.", en: "{whatEn} was not found." },
  unauthenticated: {
    status: 401,
    id: "Silakan masuk terlebih dahulu.",
    en: "Please log in first.",
  },
  forbidden: {
    status: 403,
    id: "Anda tidak memiliki izin untuk tindakan ini.",
    en: "You are not allowed to do this.",
  },
  conflict: { status: 409, id: "{detail}", en: "{detail}" },
  invalid_credentials: {
    status: 401,
    id: "Nama pengguna atau kata sandi salah.",
    en: "Wrong username or password.",
  },
  account_locked: {
    status: 423,
    id: "Akun dikunci karena terlalu banyak percobaan masuk yang gagal, sampai {until} (UTC). Hubungi administrator untuk membukanya lebih awal.",
    en: "The account is locked after too many failed logins until {until} (UTC). Ask an administrator to unlock it sooner.",
  },
  rate_limited: {
    status: 429,
    id: "Terlalu banyak permintaan dalam waktu singkat; coba lagi dalam {seconds} detik.",
    en: "Too many requests in a short time; try again in {seconds} seconds.",
  },
  too_many_attempts: {
    status: 429,
    id: "Terlalu banyak percobaan masuk yang gagal dari alamat ini; coba lagi setelah {until} (UTC).",
    en: "Too many failed logins from this address; try again after {until} (UTC).",
  },
  account_disabled: {
    status: 403,
    id: "Akun ini dinonaktifkan. Hubungi administrator.",
    en: "This account is disabled. Ask an administrator.",
  },
  csrf_invalid: {
    status: 403,
    id: "Token CSRF tidak ada atau tidak cocok: kirim header X-CSRF-Token dari respons login atau /auth/me.",
    en: "The CSRF token is missing or wrong: send the X-CSRF-Token header from the login or /auth/me response.",
  },
  token_invalid: {
    status: 401,
    id: "Token API tidak dikenal atau sudah dicabut.",
    en: "The API token is unknown or revoked.",
  },
  password_too_weak: {
    status: 400,
    id: "Kata sandi baru tidak memenuhi aturan.",
    en: "The new password does not meet the rules.",
  },
  username_taken: {
    status: 409,
    id: "Nama pengguna '{username}' sudah dipakai.",
    en: "The username '{username}' is already taken.",
  },
  idempotency_in_progress: {
    status: 409,
    id: "Permintaan dengan Idempotency-Key yang sama masih diproses.",
    en: "A request with the same Idempotency-Key is still being processed.",
  },
  idempotency_key_reused: {
    status: 422,
    id: "Idempotency-Key ini sudah dipakai untuk permintaan lain.",
    en: "This Idempotency-Key was already used for a different request.",
  },
  payload_too_large: {
    status: 413,
    id: "Data yang dikirim terlalu besar.",
    en: "The request body is too large.",
  },
  region_unknown: {
    status: 404,
    id: "Kode wilayah {code} tidak dikenal.",
    en: "Region code {code} is unknown.",
  },
  region_code_invalid: {
    status: 400,
    id: "Kode wilayah '{code}' tidak valid: gunakan 2, 4, 6 atau 10 digit, boleh bertitik.",
    en: "Region code '{code}' is not valid: use 2, 4, 6 or 10 digits, dots allowed.",
  },
  file_invalid: {
    status: 400,
    id: "Berkas tidak valid: {count} baris bermasalah.",
    en: "The file is not valid: {count} rows have problems.",
  },
  service_unavailable: {
    status: 503,
    id: "Layanan sedang tidak tersedia: {detail}",
    en: "The service is unavailable: {detail}",
  },
  training_quota_exceeded: {
    status: 409,
    id: "Kuota {role} program ini ({quota} orang) terlampaui: sudah {current}, ditambah {adding}.",
    en: "The {role} quota of this programme ({quota}) would be exceeded: {current} enrolled, {adding} more.",
  },
  training_not_eligible: {
    status: 422,
    id: "{count} petugas tidak memenuhi syarat angkatan ini (peran atau wilayah).",
    en: "{count} workers are not eligible for this cohort (role or region).",
  },
  training_not_participant: {
    status: 403,
    id: "Anda bukan peserta angkatan pelatihan ini.",
    en: "You are not a participant of this training cohort.",
  },
  training_check_in_refused: {
    status: 409,
    id: "Presensi QR ditolak: {reasonId}.",
    en: "QR check-in refused: {reasonEn}.",
  },
  training_test_closed: {
    status: 409,
    id: "Tes ini belum dibuka atau sudah ditutup oleh pelatih.",
    en: "This test is not open.",
  },
  training_time_over: {
    status: 409,
    id: "Waktu tes sudah habis pada {deadline} (UTC); jawaban tidak dapat diubah lagi.",
    en: "The test time ran out at {deadline} (UTC); answers can no longer be changed.",
  },
  training_attempt_submitted: {
    status: 409,
    id: "Tes ini sudah dikumpulkan; jawaban tidak dapat diubah lagi.",
    en: "This test has already been submitted; answers can no longer be changed.",
  },
  training_already_evaluated: {
    status: 409,
    id: "Anda sudah mengisi evaluasi angkatan ini.",
    en: "You have already filled in the evaluation of this cohort.",
  },
  training_delete_refused: {
    status: 409,
    id: "{whatId} tidak dapat dihapus karena sudah ada {reasonId}; {alternativeId} saja.",
    en: "The {whatEn} cannot be deleted because it already has {reasonEn}; {alternativeEn} it instead.",
  },
  training_change_refused: {
    status: 409,
    id: "Perubahan ditolak: {reasonId}.",
    en: "Change refused: {reasonEn}.",
  },
  case_stage_refused: {
    status: 409,
    id: "Tahap kasus tidak dapat diubah: {reasonId}.",
    en: "The case stage cannot be changed: {reasonEn}.",
  },
  case_category_unknown: {
    status: 400,
    id: "Kategori kasus '{category}' tidak dikenal: gunakan kode PPKS atau kode masalah kewilayahan.",
    en: "Case category '{category}' is unknown: use a PPKS code or an area-problem code.",
  },
  case_assignee_invalid: {
    status: 422,
    id: "Petugas {workerId} tidak dapat memegang kasus ini: harus petugas aktif yang wilayahnya mencakup {regionCode} dan berada dalam wilayah Anda.",
    en: "Worker {workerId} cannot hold this case: it must be an active worker whose region covers {regionCode}, within your region.",
  },
  case_id_taken: {
    status: 409,
    id: "Id {id} sudah dipakai untuk data lain.",
    en: "The id {id} is already used by another record.",
  },
  referral_transition_refused: {
    status: 409,
    id: "Status rujukan tidak dapat diubah dari '{from}' ke '{to}'.",
    en: "The referral status cannot change from '{from}' to '{to}'.",
  },
  referral_target_out_of_area: {
    status: 422,
    id: "Organisasi PSKS {name} tidak melayani wilayah kasus ini ({regionCode}): pilih PSKS kelurahan, kecamatan atau kota kasus.",
    en: "The PSKS organisation {name} does not serve this case's area ({regionCode}): choose one of the case's kelurahan, kecamatan or city.",
  },
  upload_not_image: {
    status: 415,
    id: "Berkas '{filename}' bukan gambar JPEG, PNG atau WebP (diperiksa dari isi berkas); berkas tidak disimpan.",
    en: "The file '{filename}' is not a JPEG, PNG or WebP image (checked from its content); nothing was stored.",
  },
  upload_too_large: {
    status: 413,
    id: "Berkas '{filename}' lebih besar dari batas {limitMb} MB; berkas tidak disimpan.",
    en: "The file '{filename}' is larger than the {limitMb} MB limit; nothing was stored.",
  },
  upload_missing: {
    status: 400,
    id: "Kirim satu berkas foto dalam field 'file' (multipart/form-data).",
    en: "Send one photo file in the 'file' field (multipart/form-data).",
  },
  nik_taken: {
    status: 409,
    id: "NIK {nik} sudah terdaftar untuk orang lain.",
    en: "NIK {nik} is already registered to another person.",
  },
  kk_taken: {
    status: 409,
    id: "Nomor KK {kk} sudah terdaftar untuk keluarga lain.",
    en: "KK number {kk} is already registered to another household.",
  },
  household_not_empty: {
    status: 409,
    id: "Keluarga ini masih punya {count} anggota; pindahkan atau hapus anggotanya dahulu.",
    en: "This household still has {count} members; move or delete them first.",
  },
  psks_in_use: {
    status: 409,
    id: "PSKS ini dipakai oleh {count} rujukan kasus; ubah datanya, jangan dihapus.",
    en: "This PSKS is used by {count} case referrals; edit it instead of deleting it.",
  },
  person_region_required: {
    status: 400,
    id: "Orang tanpa keluarga harus punya kode kelurahan tempat ia ditemukan.",
    en: "A person without a household needs the code of the kelurahan where they were found.",
  },
  kelurahan_required: {
    status: 400,
    id: "Kode wilayah {code} bukan kelurahan yang dikenal: gunakan kode kelurahan 10 digit.",
    en: "Region code {code} is not a known kelurahan: use a 10-digit kelurahan code.",
  },
  duplicate_resolved: {
    status: 409,
    id: "Dugaan data ganda ini sudah diputuskan ({status}).",
    en: "This probable duplicate was already decided ({status}).",
  },
  sync_payload_invalid: {
    status: 400,
    id: "Perubahan {kind} tidak lengkap atau tidak valid: {detail}",
    en: "The {kind} change is incomplete or not valid: {detail}",
  },
  sync_conflict_resolved: {
    status: 409,
    id: "Konflik ini sudah diselesaikan.",
    en: "This conflict was already resolved.",
  },
  import_interrupted: {
    status: 500,
    id: "Impor terhenti karena server yang menjalankannya berhenti; tidak ada data yang tersimpan. Unggah berkas itu lagi.",
    en: "The import stopped because the server running it stopped; nothing was saved. Upload the file again.",
  },
  metrics_token_required: {
    status: 401,
    id: "Metrik memerlukan token: kirim Authorization: Bearer dengan nilai PEDULI_METRICS_TOKEN.",
    en: "Metrics need a token: send Authorization: Bearer with the value of PEDULI_METRICS_TOKEN.",
  },
  metrics_loopback_only: {
    status: 403,
    id: "Tanpa PEDULI_METRICS_TOKEN, metrik hanya dapat dibaca dari mesin ini (loopback, tanpa proxy).",
    en: "Without PEDULI_METRICS_TOKEN, metrics can only be read from this machine (loopback, not through a proxy).",
  },
  restore_target_not_empty: {
    status: 409,
    id: "Basis data tujuan tidak kosong: tabel {table} sudah berisi data. Pulihkan ke basis data kosong, atau pakai --force untuk menggantinya.",
    en: "The target database is not empty: table {table} already holds rows. Restore into an empty database, or use --force to replace its contents.",
  },
  backup_invalid: {
    status: 422,
    id: "Cadangan tidak valid: {detail}",
    en: "The backup is not valid: {detail}",
  },
  copy_target_not_empty: {
    status: 409,
    id: "Basis data tujuan tidak kosong: tabel {table} sudah berisi data. Salin hanya ke basis data baru yang sudah dimigrasi.",
    en: "The target database is not empty: table {table} already holds rows. Copy only into a new, migrated database.",
  },
  copy_migrations_differ: {
    status: 409,
    id: "Migrasi basis data sumber dan tujuan berbeda ({detail}). Jalankan `peduli db migrate` pada keduanya dengan versi Peduli yang sama.",
    en: "The source and target databases are at different migrations ({detail}). Run `peduli db migrate` on both with the same Peduli version.",
  },
  copy_count_mismatch: {
    status: 500,
    id: "Jumlah baris tabel {table} tidak sama setelah penyalinan (sumber {source}, tujuan {target}); tidak ada yang disimpan.",
    en: "Table {table} has a different row count after the copy (source {source}, target {target}); nothing was saved.",
  },
  internal_error: {
    status: 500,
    id: "Terjadi kesalahan pada server. Silakan coba lagi.",
    en: "Something went wrong on the server. Please try again.",
  },
} as const satisfies Record<string, Bilingual & { status: number }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The message of an error code in a language, with its placeholders filled in. */
export function errorMessage(code: ErrorCode, lang: Language, params?: Record<string, unknown>): string {
  return interpolate(ERROR_CATALOGUE[code][lang], params);
}

/** HTTP status of an error code. */
export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}
