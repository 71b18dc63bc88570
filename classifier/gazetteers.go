package classifier

// The gazetteers the engine reads by name: a pack may leave any of them
// out, and the behaviour they stand for is then off.

// AnaphoraGazetteer names the gazetteer of words that refer back to the
// previous sentence's actor ("ia", "mereka", "yang bersangkutan").
const AnaphoraGazetteer = "anaphora"

// ContinuationGazetteer names the gazetteer of connectives that open a
// sentence going on with what the previous sentence's actor did, with no
// subject of its own ("Lalu membagikan stiker paslon", "terus ngajak
// warga coblos 02"). Read only when the pack has an anaphora gazetteer.
const ContinuationGazetteer = "continuation"

// SelfGazetteer names the gazetteer of first-person pronouns ("saya",
// "gue"): a sentence opening with one goes on about the writer, when a
// sentence before said what the writer is ("Gue PNS di dinas …").
const SelfGazetteer = "self"

// OtherActorGazetteer names the actor gazetteer of people whose titles
// read like ASN but who are not (honorary staff, religious teachers,
// former officials): an act nearer to one of them than to a civil servant
// is theirs.
const OtherActorGazetteer = "actor_other"

// NonASNGazetteer names the actor gazetteer of officials who are not ASN
// (village heads and staff, TNI, Polri, election organisers): an act nearer
// to one of them than to a civil servant is theirs, as with
// OtherActorGazetteer, except in the rules about them.
const NonASNGazetteer = "official_non_asn"

// ASNGazetteer names the actor gazetteer of civil servants.
const ASNGazetteer = "asn"

// IncidentGazetteer names the cue gazetteer of words of a reported case
// ("diduga", "dilaporkan", "kedapatan"): hits in such sentences are
// allegations.
const IncidentGazetteer = "incident"

// SimulationGazetteer names the cue gazetteer of headline words that frame
// an article as acted ("Bawaslu Peragakan …", "Main Peran …"): every case
// its sentences tell is a demonstration, cancelled as a hypothesis.
const SimulationGazetteer = "simulation"

// RealisGazetteer names the gazetteer of relative clauses that state a
// finding about a person ("yang terbukti", "yang kedapatan"). A purpose cue
// before such a clause is about what to do with the finding, not the act
// ("meminta KASN agar menjatuhkan sanksi kepada camat yang terbukti hadir di
// kampanye"), so it does not cancel the act.
const RealisGazetteer = "realis"

// ConcessionGazetteer names the cue gazetteer of words that open a
// concessive clause ("meski", "walaupun"). A norm granted in such a clause
// ("Meski sudah ada larangan, camat itu tetap hadir …") does not cancel an
// act reported after the comma that closes it.
const ConcessionGazetteer = "concession"

// ContrastGazetteer names the cue gazetteer of words that open a clause set
// against the one before ("tapi", "namun"): "ASN harus netral, tapi camat
// itu ikut konvoi kampanye" reports the act the norm forbids.
const ContrastGazetteer = "contrast"

// SettingGazetteer names the cue gazetteer of prepositions that open a
// sentence with its setting ("Dalam sosialisasi itu, …", "Usai apel
// netralitas, …"): an event named there frames the sentence but does not
// make the clause after the comma a norm.
const SettingGazetteer = "setting"

// ConsequenceGazetteer names the cue gazetteer of sanctions still to come
// ("akan dipanggil", "dapat dijatuhi"). Announced for a whole class ("ASN
// yang ketahuan … akan dipanggil"), they state the rule.
const ConsequenceGazetteer = "consequence"

// PrecedentGazetteer names the cue gazetteer of past sanctions given with
// their reason ("dijatuhi sanksi karena", "dicopot karena"). Said of a
// person ("kasus kabid … yang tahun lalu dijatuhi sanksi karena berfoto
// dengan calon"), it cites a case even inside an appeal that uses it as a
// lesson, so the appeal's cue does not cancel the act after it. Said of a
// class ("ada ASN yang …", "bagi ASN yang …") it cites no case.
const PrecedentGazetteer = "precedent"

// NationalFigureGazetteer names the target gazetteer of presidential and
// vice-presidential candidates; InOfficeGazetteer the cue gazetteer of the
// offices they may hold ("Gubernur Jawa Tengah", "Menteri Pertahanan"):
// one named with that office is acting in it, so backing them is backing a
// policy, unless the sentence speaks of an election (ElectionGazetteer).
const (
	NationalFigureGazetteer = "national_figure"
	InOfficeGazetteer       = "in_office"
	ElectionGazetteer       = "election"
)

// PartyGazetteer names the target gazetteer of political parties: a side
// named outright, like a ballot number or a candidate's name.
const PartyGazetteer = "party"

// FormerGazetteer names the cue gazetteer of words that make the civil
// servant after them a former one ("mantan", "pensiunan"): the actor is
// read as someone who is not ASN (GUIDE).
const FormerGazetteer = "former"

// FacilityGazetteer names the actor gazetteer of state property ("mobil
// dinas", "ambulans puskesmas"): the rules on state facilities take it as
// their actor, but it is not someone else who acts.
const FacilityGazetteer = "state_facility"

// AggregateGazetteer names the cancel gazetteer of totals ("temuan",
// "puluhan"); a count of three or more cases ("17 kasus dugaan
// pelanggaran") is one of them too (countedCases).
const AggregateGazetteer = "aggregate"

// StaffGazetteer and OfficeGazetteer name the cue gazetteers whose words
// make a civil servant together: a staff word ("pegawai", "staf", "kasi",
// "kawan2") followed by a government office ("Dinas PMD", "Kanwil
// Kemenag", "OPD"), optionally through "di" and "salah satu". Their terms
// are first-stage keywords of their own: a text with both and an act
// passes the first stage without an actor keyword.
const (
	StaffGazetteer  = "staff"
	OfficeGazetteer = "office"
)

// OverseerGazetteer names the cue gazetteer of neutrality overseers
// (Bawaslu, BKN, KASN …) and RequestGazetteer the verbs of asking
// ("meminta", "menyarankan"): asked by an overseer, a request is an appeal
// ("Bawaslu Kota Baubau meminta ASN yang mendapat ajakan … agar melapor");
// asked by anyone else it may be the pressure itself, so it cancels
// nothing.
const (
	OverseerGazetteer = "overseer"
	RequestGazetteer  = "request"
)

// InstructedGazetteer names the cue gazetteer of passive verbs of
// instruction ("diminta", "disuruh"). Right before the act, or with the one
// who instructs right after them ("diminta kepala sekolah mengisi formulir
// dukungan paslon"), they report pressure on ASN, not an appeal, and do
// not cancel the act.
const InstructedGazetteer = "instructed"

// RumourGazetteer names the cancel gazetteer of rumours ("beredar kabar",
// "pesan berantai"). A rumour cancels an act by civil servants in general
// (GUIDE: unspecified rumours) but not one by someone in particular, which
// is an allegation.
const RumourGazetteer = "rumour"

// HandlingGazetteer names the cancel gazetteer of an institution's ways of
// dealing with violations in general ("penanganan", "menindaklanjuti",
// "mencegah"). Like a rumour it cancels only an act by civil servants in
// general: handling a report about someone in particular is the case.
const HandlingGazetteer = "handling"

// ExplanationGazetteer names the cancel gazetteer of examples and kinds of
// violation ("contohnya", "misalnya", "mencontohkan"). An example that is
// a concrete past case of someone in particular ("mencontohkan kasus pada
// Pilkada 2020, ketika seorang pegawai Dinas Pertanian Sleman …") reports
// that case (GUIDE: a socialisation article that mentions one concrete
// past case).
const ExplanationGazetteer = "explanation"

// EnforcementOfficerGazetteer names the gazetteer of officers whose duty
// is to remove campaign material (Satpol PP); InstallGazetteer names the
// gazetteer of verbs of putting material up or on ("memasang",
// "mengenakan"). Officers putting a candidate's banner up are doing no
// duty, so the officer stops excluding the act where such a verb stands.
// MaterialGazetteer names the act gazetteer of campaign material
// ("baliho", "APK"): officers in a sentence with none of it and no
// removing verb ("Kasatpol PP hadir pada pendaftaran bapaslon") are not
// on their duty either.
const (
	EnforcementOfficerGazetteer = "enforcement_officer"
	InstallGazetteer            = "install"
	MaterialGazetteer           = "act_attribute"
)

// EnforcementGazetteer names the cancel gazetteer of removing or seizing
// campaign material ("menurunkan", "mencopot"), an officer's duty. Removing
// only one side's material ("cuma nurunin baliho paslon 1") is no duty but
// the act itself.
const EnforcementGazetteer = "enforcement"

// DutyGazetteer names the cancel gazetteer of officials doing their job at
// a campaign ("memantau", "mengamankan"). Civil servants right after such
// a verb are the ones watched, not the ones on duty.
const DutyGazetteer = "duty"

// SayGazetteer names the act gazetteer of colloquial verbs of saying
// ("bilang", "ngomong", "nitip pesan"). Such a verb is a call to vote only
// when a quotation opens right after it and holds the side ("kepseknya
// bilang "… 02 ya""), with nothing in the quotation that states a norm or
// negates ("bilang "jangan pilih nomor 2"" is not one).
const SayGazetteer = "act_say"

// AccusedDenialGazetteer names the cancel gazetteer of denying verbs
// ("membantah", "menampik"): a denial about civil servants in general,
// but a case denied by the accused when someone in particular is named.
const AccusedDenialGazetteer = "accused_denial"

// QuestionGazetteer names the cancel gazetteer of question words ("apa
// yang", "bagaimana"): in a sentence that ends with a question mark, an act
// of civil servants in general is asked about, not reported ("Apa yang
// terjadi setelah seorang ASN dilaporkan …?"); one of someone in
// particular still stands.
const QuestionGazetteer = "question"

// HypotheticalGazetteer names the cancel gazetteer of conditions and
// hypotheses ("jika", "kalau"); right before a negated act it is the
// condition of a threat ("kalau nggak pilih 01 …"), which is pressure.
const HypotheticalGazetteer = "hypothetical"

// SanctionGazetteer names the cancel gazetteer of sanctions given
// ("dijatuhi sanksi"). Rules list it as an exclusion, which holds for a
// class ("ASN yang … dijatuhi sanksi") but not for someone in particular,
// whose sanction reports the case.
const SanctionGazetteer = "sanction"

// PurposeGazetteer names the cancel gazetteer ("agar", "supaya") that a
// realis clause shields an act from. Prohibitions, threats and hypotheses
// keep cancelling ("mengancam mencopot kadis yang kedapatan mendukung").
const PurposeGazetteer = "purpose"

// FutureGazetteer names the cancel gazetteer of future and intention
// ("akan", "bakal"), and CaseActiveGazetteer the act gazetteer of steps an
// overseer takes against someone ("memanggil", "memeriksa"). A step still
// to come against someone definite ("akan memeriksa kepala OPD yang hadir
// di rumah jabatan") is part of a case being handled, not a hypothesis.
const (
	FutureGazetteer     = "future"
	CaseActiveGazetteer = "act_case_active"
)

// TargetGazetteer names the target gazetteer of sides in general words
// (candidates, pairs, ballot numbers, winning teams) and
// ElectionBodyGazetteer the one of election overseers (Bawaslu, KPU …):
// with ElectionGazetteer, the words by which an item names an election
// (namesElection).
const (
	TargetGazetteer       = "target"
	ElectionBodyGazetteer = "election_body"
)
