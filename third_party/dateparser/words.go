package dateparser

// months maps month names and abbreviations (English, Indonesian, Malay,
// German, French, Spanish, Italian, Portuguese, Dutch, Polish and Russian
// in the genitive a date uses; accents as written and without) to 1-12.
var months = map[string]int{
	"stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8, "września": 9, "wrzesnia": 9, "października": 10, "pazdziernika": 10, "listopada": 11, "grudnia": 12,
	"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
	"january": 1, "jan": 1, "januari": 1, "januar": 1, "jänner": 1, "janvier": 1, "janv": 1, "enero": 1, "ene": 1, "gennaio": 1, "gen": 1, "janeiro": 1,
	"february": 2, "feb": 2, "februari": 2, "pebruari": 2, "peb": 2, "februar": 2, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "febrero": 2, "febbraio": 2, "fevereiro": 2, "fev": 2,
	"march": 3, "mar": 3, "maret": 3, "mac": 3, "märz": 3, "maerz": 3, "mrz": 3, "mär": 3, "mars": 3, "marzo": 3, "março": 3, "marco": 3, "maart": 3, "mrt": 3,
	"april": 4, "apr": 4, "avril": 4, "avr": 4, "abril": 4, "abr": 4, "aprile": 4,
	"may": 5, "mei": 5, "mai": 5, "mayo": 5, "maggio": 5, "mag": 5, "maio": 5,
	"june": 6, "jun": 6, "juni": 6, "juin": 6, "junio": 6, "giugno": 6, "giu": 6, "junho": 6,
	"july": 7, "jul": 7, "juli": 7, "julai": 7, "juillet": 7, "juil": 7, "julio": 7, "luglio": 7, "lug": 7, "julho": 7,
	"august": 8, "aug": 8, "agustus": 8, "agt": 8, "agu": 8, "ags": 8, "ogos": 8, "août": 8, "aout": 8, "agosto": 8, "augustus": 8,
	"september": 9, "sep": 9, "sept": 9, "septembre": 9, "septiembre": 9, "setiembre": 9, "settembre": 9, "set": 9, "setembro": 9,
	"october": 10, "oct": 10, "oktober": 10, "okt": 10, "octobre": 10, "octubre": 10, "ottobre": 10, "ott": 10, "outubro": 10,
	"november": 11, "nov": 11, "nopember": 11, "nop": 11, "novembre": 11, "noviembre": 11, "novembro": 11,
	"december": 12, "dec": 12, "desember": 12, "des": 12, "disember": 12, "dezember": 12, "dez": 12, "décembre": 12, "decembre": 12, "déc": 12, "diciembre": 12, "dic": 12, "dicembre": 12, "dezembro": 12,
}

// fillers are words that may stand in a date string: weekdays,
// connectors ("pukul", "de", "um") and labels.
var fillers = map[string]bool{
	// English
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
	"at": true, "on": true, "of": true, "the": true,
	// Indonesian and Malay
	"senin": true, "selasa": true, "rabu": true, "kamis": true, "jumat": true, "sabtu": true, "minggu": true, "ahad": true,
	"isnin": true, "khamis": true, "sen": true, "sel": true, "rab": true, "kam": true, "jum": true, "sab": true, "min": true,
	"pukul": true, "jam": true, "tanggal": true, "tgl": true,
	// German, French, Spanish, Italian, Portuguese, Dutch
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true, "samstag": true, "sonntag": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"lunes": true, "martes": true, "miércoles": true, "miercoles": true, "jueves": true, "viernes": true, "sábado": true, "sabado": true, "domingo": true,
	"r": true, "г": true, "года": true, "в": true, // Polish "2021 r.", Russian "2016 г.", "в 10:00"
	"am": true, "um": true, "uhr": true, "den": true, "le": true, "à": true, "de": true, "del": true, "h": true,
}

// ordinal suffixes after a day number: 4th, 1st, 2nd, 3rd.
var ordinal = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// zones are the zone names a news page writes, with their UTC offsets in
// seconds.
var zones = map[string]int{
	"wib": 7 * 3600, "wita": 8 * 3600, "wit": 9 * 3600,
	"utc": 0, "gmt": 0, "z": 0,
	"cet": 3600, "cest": 2 * 3600, "mez": 3600, "mesz": 2 * 3600,
	"est": -5 * 3600, "edt": -4 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
}
