//! The check-in reminder as an iCalendar file (RFC 5545), made on the device and downloaded: no
//! server, nothing sent (issue 23). Pure.
//!
//! One `VEVENT` with one `VALARM`. The title is neutral, "Check-in" ("Recordatorio" in Spanish):
//! a calendar is often shared or shown on a locked screen, so nothing in the event says anything
//! about health. Its link (`URL`, and in the description) is the widget's standalone page, where
//! the log lives.
//!
//! **When.** A timed event of 15 minutes at the same time of day as the check-in, 2 days or 1 week
//! later ([`Delay`]), written in UTC (`…Z`), so no time zone table is needed and every calendar
//! shows it at the right local time; the alarm fires at its start (`TRIGGER:PT0S`). Not an
//! all-day event: calendars disagree on when an all-day event's alarm fires (some at midnight,
//! some not at all), and the patient was free at this time of day when they checked in. It is
//! marked free time (`TRANSP:TRANSPARENT`), so it blocks nothing.
//!
//! The widget never relies on the reminder (hazard H52): every result's safety net stands alone.
//!
//! Lines end in CRLF and are folded at 75 octets (UTF-8 octets, never inside a character), text
//! values escape `\`, `;`, `,` and line breaks. Not even `PRODID` or `UID` names the product
//! (its name says "spasm"). `UID` is deterministic: the time and a nonce the
//! caller gives (the web layer: a random number), so two reminders made at once differ, and the
//! same inputs give the same file.

use crate::i18n::{fill, Lang};

/// How long until the reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delay {
    TwoDays,
    OneWeek,
}

impl Delay {
    /// In milliseconds.
    pub const fn ms(self) -> i64 {
        match self {
            Delay::TwoDays => 2 * 86_400_000,
            Delay::OneWeek => 7 * 86_400_000,
        }
    }
}

/// What a reminder is made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reminder<'a> {
    /// Now, in milliseconds since 1970 (the `DTSTAMP`, and the start of the delay).
    pub now: i64,
    pub delay: Delay,
    /// The standalone page's address: `https:` or `http:`, no spaces or control characters.
    pub page_url: &'a str,
    /// Makes the `UID` unique (letters, digits and `-` are kept, the rest dropped).
    pub nonce: &'a str,
    pub lang: Lang,
}

/// Why no file was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IcsError {
    /// The page's address is not an `http:` or `https:` address of at most 2000 characters with no
    /// spaces or control characters.
    BadUrl,
    /// The time is before 1970 or after 9999.
    BadTime,
}

/// The `.ics` file's name for a download.
pub const FILE_NAME: &str = "check-in.ics";
/// The file's media type.
pub const MEDIA_TYPE: &str = "text/calendar;charset=utf-8";

/// The longest line in octets, CRLF not counted (RFC 5545 section 3.1).
pub const MAX_LINE: usize = 75;

/// The iCalendar file of a reminder.
pub fn reminder(r: &Reminder) -> Result<String, IcsError> {
    let url = r.page_url.trim();
    let scheme_ok = url.split_once(':').is_some_and(|(scheme, rest)| {
        rest.starts_with("//")
            && (scheme.eq_ignore_ascii_case("http")
                || (scheme.len() == 5 && scheme[..4].eq_ignore_ascii_case("http") && scheme.as_bytes()[4].eq_ignore_ascii_case(&b's')))
    });
    if !scheme_ok || url.len() > 2_000 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(IcsError::BadUrl);
    }
    let start = r.now.checked_add(r.delay.ms()).ok_or(IcsError::BadTime)?;
    let (stamp, start) = (utc(r.now)?, utc(start.div_euclid(60_000) * 60_000)?);
    let nonce: String = r.nonce.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(32).collect();
    let nonce = if nonce.is_empty() { "0".to_string() } else { nonce };
    let w = r.lang.followup();
    let title = escape(w.reminder_title);
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//check-in//reminder//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}-{nonce}@check-in", r.now.max(0)),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART:{start}"),
        "DURATION:PT15M".to_string(),
        "TRANSP:TRANSPARENT".to_string(),
        format!("SUMMARY:{title}"),
        format!("DESCRIPTION:{}", escape(&fill(w.reminder_description, &[("url", url)]))),
        format!("URL:{url}"),
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("DESCRIPTION:{title}"),
        "TRIGGER:PT0S".to_string(),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    Ok(lines.iter().map(|l| fold(l)).collect())
}

/// A TEXT value escaped (RFC 5545 section 3.3.11): `\` `;` `,` and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded (RFC 5545 section 3.1): at most 75 octets a line, each continuation
/// starting with a space, never inside a UTF-8 character; CRLF after each line.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut rest = line;
    let mut limit = MAX_LINE;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return out;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space counts.
        limit = MAX_LINE - 1;
    }
}

/// Undoes [`fold`] (for tests and tools): CRLF followed by a space or a tab goes.
pub fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

/// A UTC date-time, `YYYYMMDDTHHMMSSZ`.
fn utc(ms: i64) -> Result<String, IcsError> {
    if !(0..253_402_300_800_000).contains(&ms) {
        return Err(IcsError::BadTime);
    }
    let secs = ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (year, month, day) = crate::civil::from_days(days);
    Ok(format!("{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// 2026-09-21 14:13:20 UTC.
    const NOW: i64 = 1_790_000_000_000;

    fn file(delay: Delay, url: &str, lang: Lang) -> String {
        reminder(&Reminder { now: NOW, delay, page_url: url, nonce: "k3x9", lang }).unwrap()
    }

    /// Every rule a calendar app enforces that this file could break.
    fn check(ics: &str) {
        assert!(ics.ends_with("\r\n"));
        for (i, b) in ics.bytes().enumerate() {
            if b == b'\n' {
                assert_eq!(ics.as_bytes()[i - 1], b'\r', "a bare LF at {i}");
            }
            if b == b'\r' {
                assert_eq!(ics.as_bytes().get(i + 1), Some(&b'\n'), "a bare CR at {i}");
            }
        }
        for line in ics.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= MAX_LINE, "{} octets: {line:?}", line.len());
        }
        let unfolded = unfold(ics);
        let lines: Vec<&str> = unfolded.split("\r\n").filter(|l| !l.is_empty()).collect();
        let mut open: Vec<&str> = Vec::new();
        for line in &lines {
            if let Some(name) = line.strip_prefix("BEGIN:") {
                open.push(name);
            } else if let Some(name) = line.strip_prefix("END:") {
                assert_eq!(open.pop(), Some(name), "END:{name} does not close what is open");
            }
        }
        assert!(open.is_empty(), "not closed: {open:?}");
        assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
        let count = |prefix: &str| lines.iter().filter(|l| l.starts_with(prefix)).count();
        for (property, n) in [
            ("VERSION:2.0", 1),
            ("PRODID:", 1),
            ("BEGIN:VEVENT", 1),
            ("UID:", 1),
            ("DTSTAMP:", 1),
            ("DTSTART:", 1),
            ("SUMMARY:", 1),
            ("URL:", 1),
            ("BEGIN:VALARM", 1),
            ("ACTION:DISPLAY", 1),
            ("TRIGGER:", 1),
            ("DESCRIPTION:", 2),
        ] {
            assert_eq!(count(property), n, "{property}");
        }
    }

    #[test]
    fn a_reminder_in_2_days_and_in_a_week_follows_the_rules() {
        let ics = file(Delay::TwoDays, "https://clinic.example/back-check/", Lang::En);
        check(&ics);
        let unfolded = unfold(&ics);
        let lines: Vec<&str> = unfolded.split("\r\n").collect();
        assert!(lines.contains(&"DTSTAMP:20260921T141320Z"), "{ics}");
        assert!(lines.contains(&"DTSTART:20260923T141300Z"), "{ics}");
        assert!(lines.contains(&"SUMMARY:Check-in"));
        assert!(lines.contains(&"UID:1790000000000-k3x9@check-in"));
        assert!(lines.contains(&"URL:https://clinic.example/back-check/"));
        assert!(lines.contains(&"DESCRIPTION:Open this page when you are ready: https://clinic.example/back-check/"));
        let week = file(Delay::OneWeek, "https://clinic.example/back-check/", Lang::En);
        check(&week);
        assert!(week.contains("DTSTART:20260928T141300Z\r\n"));
        // Deterministic.
        assert_eq!(file(Delay::TwoDays, "https://clinic.example/back-check/", Lang::En), ics);
        // Nothing about health in the file, but for the practice's own address.
        for word in ["back", "pain", "spasm", "doctor", "triage"] {
            let event: String = unfold(&ics).lines().filter(|l| !l.starts_with("URL:") && !l.starts_with("DESCRIPTION:Open")).collect();
            assert!(!event.to_lowercase().contains(word), "{word}");
        }
        check(&file(Delay::OneWeek, "https://clinic.example/back-check/", Lang::Es));
    }

    #[test]
    fn long_lines_fold_at_75_octets_and_unfold_to_the_original() {
        let url = format!("https://clinic.example/{}?practice=r%C3%ADo&x=1,2;3", "a".repeat(150));
        let ics = file(Delay::TwoDays, &url, Lang::Es);
        check(&ics);
        assert!(unfold(&ics).contains(&format!("\r\nURL:{url}\r\n")), "the URL is not escaped");
        assert!(unfold(&ics).contains(&format!("DESCRIPTION:Abra esta página cuando quiera: {}\r\n", escape(&url))));
        // Folding never splits a character: "é" (2 octets) across the 75th octet.
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&line);
        assert!(folded.split("\r\n").all(|l| l.len() <= MAX_LINE && std::str::from_utf8(l.as_bytes()).is_ok()));
        assert_eq!(unfold(&folded), format!("{line}\r\n"));
        assert_eq!(fold("SHORT:1"), "SHORT:1\r\n");
        assert_eq!(fold(&"x".repeat(75)), format!("{}\r\n", "x".repeat(75)));
        assert_eq!(fold(&"x".repeat(76)), format!("{}\r\n x\r\n", "x".repeat(75)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn a_bad_address_or_time_makes_no_file() {
        for url in
            ["", "javascript:alert(1)", "ftp://x", "https://a b", "https://a\r\nX-EVIL:1", "//x", &format!("https://{}", "a".repeat(2_000))]
        {
            assert_eq!(
                reminder(&Reminder { now: NOW, delay: Delay::TwoDays, page_url: url, nonce: "", lang: Lang::En }),
                Err(IcsError::BadUrl),
                "{url:?}"
            );
        }
        for now in [-1, i64::MAX, 253_402_300_800_000] {
            let r = Reminder { now, delay: Delay::OneWeek, page_url: "https://x.example/", nonce: "1", lang: Lang::En };
            assert_eq!(reminder(&r), Err(IcsError::BadTime), "{now}");
        }
        let odd = reminder(&Reminder { now: 0, delay: Delay::TwoDays, page_url: "HTTPS://x.example/", nonce: "a b\r\n;c", lang: Lang::En })
            .unwrap();
        check(&odd);
        assert!(odd.contains("UID:0-abc@check-in\r\n"));
        assert!(odd.contains("DTSTART:19700103T000000Z\r\n"));
    }

    proptest! {
        #[test]
        fn folding_round_trips_and_keeps_every_line_short(text in "\\PC{0,300}") {
            let line = format!("DESCRIPTION:{}", escape(&text));
            let folded = fold(&line);
            prop_assert!(folded.split("\r\n").all(|l| l.len() <= MAX_LINE));
            prop_assert_eq!(unfold(&folded), format!("{line}\r\n"));
            prop_assert!(!escape(&text).contains('\n') && !escape(&text).contains('\r'));
        }

        #[test]
        fn any_time_and_nonce_make_a_valid_file(now in 0i64..4_102_444_800_000, nonce in "\\PC{0,40}", week in any::<bool>()) {
            let delay = if week { Delay::OneWeek } else { Delay::TwoDays };
            let ics = reminder(&Reminder { now, delay, page_url: "https://clinic.example/check/", nonce: &nonce, lang: Lang::Es }).unwrap();
            check(&ics);
        }
    }
}
