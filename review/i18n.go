package review

import (
	"net/http"
)

// Languages of the UI. Indonesian is the default: the reviewers are
// Indonesian; English is there for outside partners.
const (
	langID = "id"
	langEN = "en"
)

// messages holds every UI string: key → [Indonesian, English].
var messages = map[string][2]string{
	"app_tagline":         {"Pemantauan netralitas ASN", "ASN neutrality monitoring"},
	"nav_queue":           {"Antrean", "Queue"},
	"nav_sources":         {"Sumber", "Sources"},
	"nav_logout":          {"Keluar", "Log out"},
	"nav_help":            {"Pintasan: j/k pindah, Enter buka, x pilih, / cari, c konfirmasi, d tolak, e eskalasi", "Shortcuts: j/k move, Enter open, x select, / search, c confirm, d dismiss, e escalate"},
	"login_title":         {"Masuk", "Log in"},
	"login_user":          {"Nama pengguna", "User name"},
	"login_password":      {"Kata sandi", "Password"},
	"login_submit":        {"Masuk", "Log in"},
	"search_placeholder":  {"Cari teks, mis. camat dukung paslon", "Search text, e.g. camat dukung paslon"},
	"search_submit":       {"Cari", "Search"},
	"filter_status":       {"Status", "Status"},
	"filter_category":     {"Kategori", "Category"},
	"filter_rule":         {"Aturan", "Rule"},
	"filter_source":       {"Sumber", "Source"},
	"filter_region":       {"Wilayah", "Region"},
	"filter_since":        {"Sejak", "Since"},
	"filter_until":        {"Sampai", "Until"},
	"filter_min_score":    {"Skor min.", "Min. score"},
	"filter_max_score":    {"Skor maks.", "Max. score"},
	"filter_assignee":     {"Penanggung jawab", "Assignee"},
	"filter_flagged":      {"Tampilkan", "Show"},
	"flagged_true":        {"Hanya yang ditandai", "Flagged only"},
	"flagged_false":       {"Tidak ditandai", "Not flagged"},
	"flagged_all":         {"Semua", "All"},
	"sort":                {"Urutkan", "Sort"},
	"sort_default":        {"Bawaan (relevansi jika mencari, jika tidak terbaru)", "Default (relevance when searching, else newest)"},
	"sort_newest":         {"Terbaru", "Newest"},
	"sort_oldest":         {"Terlama", "Oldest"},
	"sort_score":          {"Skor tertinggi", "Highest score"},
	"sort_relevance":      {"Relevansi", "Relevance"},
	"any":                 {"(semua)", "(any)"},
	"apply":               {"Terapkan", "Apply"},
	"reset":               {"Atur ulang", "Reset"},
	"facets":              {"Ringkasan", "Facets"},
	"results":             {"hasil", "results"},
	"no_results":          {"Tidak ada item yang cocok.", "No matching items."},
	"next_page":           {"Halaman berikutnya →", "Next page →"},
	"export":              {"Ekspor", "Export"},
	"col_time":            {"Waktu", "Time"},
	"col_item":            {"Item", "Item"},
	"col_score":           {"Skor", "Score"},
	"col_status":          {"Status", "Status"},
	"col_rules":           {"Aturan", "Rules"},
	"select_all":          {"Pilih semua", "Select all"},
	"bulk_title":          {"Tindakan massal untuk yang dipilih", "Bulk action on selection"},
	"bulk_apply":          {"Terapkan ke pilihan", "Apply to selection"},
	"bulk_done":           {"Tindakan massal: %d berhasil, %d gagal.", "Bulk action: %d done, %d failed."},
	"bulk_choose":         {"— pilih tindakan —", "— choose an action —"},
	"bulk_choose_action":  {"Pilih tindakan terlebih dahulu.", "Choose an action first."},
	"bulk_conflict":       {"diubah orang lain saat itu; buka dan periksa", "changed by someone else meanwhile; open and check it"},
	"bulk_confirm_title":  {"Terapkan ke semua item terpilih?", "Apply to every selected item?"},
	"bulk_confirm_text":   {"Anda memilih semua item di halaman ini (%d item). Tindakan: %s.", "You selected every item on this page (%d items). Action: %s."},
	"bulk_confirm_yes":    {"Ya, terapkan ke %d item", "Yes, apply to %d items"},
	"bulk_act_confirmed":  {"konfirmasi", "confirm"},
	"bulk_act_dismissed":  {"tolak", "dismiss"},
	"bulk_act_escalated":  {"eskalasi", "escalate"},
	"bulk_act_new":        {"buka kembali", "reopen"},
	"bulk_act_assign":     {"tugaskan", "assign"},
	"cancel":              {"Batal", "Cancel"},
	"tab_asn":             {"Ditandai (ASN)", "Flagged (ASN)"},
	"tab_non_asn":         {"Pejabat non-ASN", "Non-ASN officials"},
	"tab_all":             {"Semua item", "All items"},
	"err_unknown_value":   {"%s \"%s\" tidak dikenal, jadi tidak ada yang dicari.", "%s \"%s\" is unknown, so nothing was searched."},
	"choose_instead":      {"Pilih salah satu yang ada:", "Choose one that exists:"},
	"no_values":           {"Belum ada nilai yang tersimpan untuk penyaring ini.", "No values are stored for this filter yet."},
	"role_viewer":         {"pembaca", "viewer"},
	"role_reviewer":       {"peninjau", "reviewer"},
	"role_admin":          {"admin", "admin"},
	"kind_news":           {"berita", "news"},
	"kind_post":           {"unggahan", "post"},
	"kind_comment":        {"komentar", "comment"},
	"kind_import":         {"impor", "import"},
	"meta_input_id":       {"ID di berkas masukan", "ID in the input"},
	"meta_origin_id":      {"ID asal", "Origin ID"},
	"meta_pos":            {"Posisi di berkas", "Position in the file"},
	"meta_time":           {"Waktu seperti tertulis", "Time as written"},
	"meta_dataset":        {"Kumpulan data", "Dataset"},
	"meta_licence":        {"Lisensi", "Licence"},
	"meta_links":          {"Tautan", "Links"},
	"meta_views":          {"Dilihat", "Views"},
	"meta_tags":           {"Tag", "Tags"},
	"saved_next":          {"Tersimpan. Ini item berikutnya di antrean Anda.", "Saved. This is the next item of your queue."},
	"status_new":          {"baru", "new"},
	"status_confirmed":    {"dikonfirmasi", "confirmed"},
	"status_dismissed":    {"ditolak", "dismissed"},
	"status_escalated":    {"dieskalasi", "escalated"},
	"action":              {"Tindakan", "Action"},
	"act_confirm":         {"Konfirmasi", "Confirm"},
	"act_dismiss":         {"Tolak", "Dismiss"},
	"act_escalate":        {"Eskalasi", "Escalate"},
	"act_reopen":          {"Buka kembali", "Reopen"},
	"act_note":            {"Simpan catatan", "Save note"},
	"act_assign":          {"Tugaskan", "Assign"},
	"dismiss_reason":      {"Alasan penolakan (wajib)", "Reason for dismissing (required)"},
	"note":                {"Catatan", "Note"},
	"unassigned":          {"(belum ditugaskan)", "(unassigned)"},
	"item_title":          {"Item", "Item"},
	"evidence":            {"Bukti", "Evidence"},
	"text":                {"Teks", "Text"},
	"rules_fired":         {"Aturan yang terpicu", "Rules that fired"},
	"regulation":          {"Regulasi", "Regulation"},
	"weight":              {"Bobot", "Weight"},
	"terms":               {"Istilah", "Terms"},
	"score":               {"Skor", "Score"},
	"flagged":             {"Ditandai (ASN)", "Flagged (ASN)"},
	"not_flagged":         {"Tidak ditandai", "Not flagged"},
	"categories":          {"Kategori", "Categories"},
	"source_link":         {"Tautan sumber", "Source link"},
	"unsafe_link":         {"tautan tidak aman, tidak ditampilkan sebagai tautan", "unsafe link, not shown as a link"},
	"metadata":            {"Metadata perayapan", "Crawl metadata"},
	"audit":               {"Jejak audit", "Audit trail"},
	"audit_empty":         {"Belum ada perubahan.", "No changes yet."},
	"review_state":        {"Status tinjauan", "Review state"},
	"version":             {"Versi", "Version"},
	"who":                 {"Oleh", "By"},
	"when":                {"Kapan", "When"},
	"change":              {"Perubahan", "Change"},
	"assignee":            {"Penanggung jawab", "Assignee"},
	"reviewer":            {"Peninjau", "Reviewer"},
	"published":           {"Terbit", "Published"},
	"fetched":             {"Diambil", "Fetched"},
	"indexed":             {"Diindeks", "Indexed"},
	"author":              {"Penulis", "Author"},
	"kind":                {"Jenis", "Kind"},
	"language":            {"Bahasa", "Language"},
	"rules_version":       {"Versi aturan", "Rules version"},
	"back_to_queue":       {"← Kembali ke antrean", "← Back to queue"},
	"read_only":           {"Peran Anda hanya boleh melihat.", "Your role may only view."},
	"conflict":            {"Item ini diubah orang lain sebelum Anda. Periksa status terbaru lalu coba lagi.", "Someone else changed this item first. Check the current state and try again."},
	"saved":               {"Tersimpan.", "Saved."},
	"sources_title":       {"Sumber dan jadwal perayapan", "Sources and crawl schedule"},
	"sources_none":        {"Tidak ada sumber terjadwal (jalankan dengan sources di konfigurasi).", "No scheduled sources (set sources in the config)."},
	"src_name":            {"Nama", "Name"},
	"src_schedule":        {"Jadwal", "Schedule"},
	"src_state":           {"Keadaan", "State"},
	"src_running":         {"berjalan", "running"},
	"src_idle":            {"menunggu", "idle"},
	"src_last":            {"Terakhir", "Last run"},
	"src_next":            {"Berikutnya", "Next run"},
	"src_counts":          {"Item / ditandai / galat", "Items / flagged / errors"},
	"src_runs":            {"Putaran / gagal / dilewati", "Runs / failed / skipped"},
	"src_error":           {"Galat terakhir", "Last error"},
	"src_run_now":         {"Jalankan sekarang", "Run now"},
	"src_started":         {"Perayapan dimulai.", "Crawl started."},
	"err_title":           {"Tidak bisa", "Cannot do that"},
	"err_login_required":  {"Silakan masuk terlebih dahulu.", "Please log in first."},
	"err_csrf":            {"Permintaan ditolak: token CSRF hilang atau salah. Muat ulang halaman lalu coba lagi.", "Request refused: missing or wrong CSRF token. Reload the page and try again."},
	"err_forbidden":       {"Peran Anda tidak mengizinkan tindakan ini.", "Your role does not allow this."},
	"err_not_found":       {"Item tidak ditemukan.", "Item not found."},
	"err_bad_request":     {"Permintaan tidak valid", "Bad request"},
	"err_internal":        {"Terjadi galat internal.", "Internal error."},
	"err_bad_login":       {"Nama pengguna atau kata sandi salah.", "Wrong user name or password."},
	"err_rate_limited":    {"Terlalu banyak percobaan gagal. Coba lagi nanti.", "Too many failed attempts. Try again later."},
	"hit_n":               {"Bukti", "Evidence"},
	"lang_switch":         {"English", "Bahasa Indonesia"},
	"total_items":         {"item", "items"},
	"category_asn":        {"ASN", "ASN"},
	"logged_in_as":        {"Masuk sebagai", "Logged in as"},
	"export_csv":          {"Ekspor CSV", "Export CSV"},
	"export_jsonl":        {"Ekspor JSONL", "Export JSONL"},
	"score_range":         {"Rentang skor", "Score range"},
	"date_range":          {"Rentang tanggal", "Date range"},
	"review_actions":      {"Tindakan tinjauan", "Review actions"},
	"shortcut_hint_item":  {"Pintasan: c konfirmasi, d tolak, e eskalasi, j/k bukti berikutnya/sebelumnya", "Shortcuts: c confirm, d dismiss, e escalate, j/k next/previous evidence"},
	"shortcut_hint_queue": {"Pintasan: j/k pindah, Enter buka, x pilih, / cari, c/d/e konfirmasi/tolak/eskalasi baris ini", "Shortcuts: j/k move, Enter open, x select, / search, c/d/e confirm/dismiss/escalate this row"},
}

// tr translates key into lang; an unknown key shows itself so a missing
// string is visible rather than blank.
func tr(lang, key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if lang == langEN {
		return m[1]
	}
	return m[0]
}

// langOf picks the UI language: ?lang= (remembered in a cookie), else the
// cookie, else Indonesian.
func (s *Server) langOf(w http.ResponseWriter, r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == langID || l == langEN {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: l, Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, Secure: s.secureRequest(r), SameSite: http.SameSiteLaxMode})
		return l
	}
	if c, err := r.Cookie(langCookie); err == nil && (c.Value == langID || c.Value == langEN) {
		return c.Value
	}
	return langID
}
