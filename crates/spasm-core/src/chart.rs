//! The pain chart of a check-in log (spec section 12, issue 23): its points (day of the episode,
//! pain score), a one-sentence summary in the patient's language ("Pain went from 7 to 4 over 5
//! days"), and the SVG coordinates, so the view only draws. Pure.

use crate::checkin_log::{day_between, CheckinLog, MAX_PAIN};
use crate::i18n::{fill, Lang};

/// One point of the chart: the day of the episode (day 1 is the first check-in's) and the pain
/// score (0 to 10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartPoint {
    pub day: u32,
    pub pain: u8,
}

/// The points of the log's check-ins that have a pain score, in the log's order. Days are
/// calendar days at the device's UTC offset (minutes east); a check-in timed before the episode's
/// start (a clock set back) is on day 1.
pub fn points(log: &CheckinLog, utc_offset_minutes: i32) -> Vec<ChartPoint> {
    log.entries()
        .iter()
        .filter_map(|e| e.pain.map(|pain| ChartPoint { day: day_between(log.episode.started_at, e.at, utc_offset_minutes), pain }))
        .collect()
}

/// The chart in one sentence: from the first score to the last, over how many days.
pub fn summary(points: &[ChartPoint], lang: Lang) -> String {
    let w = lang.followup();
    let (Some(first), Some(last)) = (points.first(), points.last()) else { return w.pain_none.to_string() };
    if points.len() == 1 {
        return fill(w.pain_one, &[("pain", &first.pain.to_string()), ("day", &first.day.to_string())]);
    }
    let days = last.day.saturating_sub(first.day);
    let span = match days {
        0 => w.span_same_day.to_string(),
        1 => w.span_one_day.to_string(),
        n => fill(w.span_days, &[("n", &n.to_string())]),
    };
    let (from, to) = (first.pain.to_string(), last.pain.to_string());
    let template = match last.pain.cmp(&first.pain) {
        std::cmp::Ordering::Less => w.pain_down,
        std::cmp::Ordering::Greater => w.pain_up,
        std::cmp::Ordering::Equal => w.pain_same,
    };
    fill(template, &[("from", &from), ("to", &to), ("pain", &from), ("span", &span)])
}

/// The points as SVG coordinates in a `width` x `height` box: day 1 at the left, the last day at
/// the right (one point alone in the middle), pain 0 at the bottom and 10 at the top. For a
/// `<polyline points="…">`: `"x,y x,y …"`, one decimal.
pub fn svg_points(points: &[ChartPoint], width: u32, height: u32) -> String {
    let last_day = points.iter().map(|p| p.day).max().unwrap_or(1);
    let span = f64::from(last_day.saturating_sub(1).max(1));
    let (w, h) = (f64::from(width), f64::from(height));
    points
        .iter()
        .map(|p| {
            let x = if last_day <= 1 { w / 2.0 } else { f64::from(p.day.saturating_sub(1)) / span * w };
            let y = h - f64::from(p.pain.min(MAX_PAIN)) / f64::from(MAX_PAIN) * h;
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin_log::{CheckIn, FindingSet, DAY_MS};
    use crate::followup::Trend;
    use crate::ids::Level;
    use crate::triage::Answers;

    const T0: i64 = 1_790_000_000_000;

    fn log(scores: &[(i64, Option<u8>)]) -> CheckinLog {
        let mut log = CheckinLog::start(T0, &Answers::default(), Level::SelfCare, scores[0].1.unwrap_or(0));
        for (day, pain) in &scores[1..] {
            log.push(CheckIn {
                at: T0 + day * DAY_MS,
                level: Level::SelfCare,
                pain: *pain,
                trend: Some(Trend::Same),
                findings: FindingSet::default(),
            });
        }
        log
    }

    #[test]
    fn points_follow_the_days_and_skip_check_ins_without_a_score() {
        let l = log(&[(0, Some(7)), (2, None), (5, Some(4))]);
        assert_eq!(points(&l, 0), [ChartPoint { day: 1, pain: 7 }, ChartPoint { day: 6, pain: 4 }]);
    }

    #[test]
    fn the_summary_says_down_up_the_same_and_one_score() {
        let sentence = |scores: &[(i64, Option<u8>)], lang| summary(&points(&log(scores), 0), lang);
        assert_eq!(sentence(&[(0, Some(7)), (5, Some(4))], Lang::En), "Pain went from 7 to 4 over 5 days.");
        assert_eq!(sentence(&[(0, Some(7)), (5, Some(4))], Lang::Es), "El dolor bajó de 7 a 4 en 5 días.");
        assert_eq!(sentence(&[(0, Some(3)), (1, Some(6))], Lang::En), "Pain went up from 3 to 6 over 1 day.");
        assert_eq!(sentence(&[(0, Some(5)), (3, Some(2)), (9, Some(5))], Lang::En), "Pain stayed at 5 over 9 days.");
        assert_eq!(sentence(&[(0, Some(6))], Lang::En), "Your pain was 6 out of 10 on day 1.");
        assert_eq!(
            summary(&[ChartPoint { day: 1, pain: 4 }, ChartPoint { day: 1, pain: 2 }], Lang::En),
            "Pain went from 4 to 2 on the same day."
        );
        assert_eq!(summary(&[], Lang::En), "No pain scores yet.");
    }

    #[test]
    fn svg_points_fill_the_box() {
        let p = [ChartPoint { day: 1, pain: 10 }, ChartPoint { day: 3, pain: 5 }, ChartPoint { day: 5, pain: 0 }];
        assert_eq!(svg_points(&p, 200, 100), "0.0,0.0 100.0,50.0 200.0,100.0");
        assert_eq!(svg_points(&[ChartPoint { day: 1, pain: 4 }], 200, 100), "100.0,60.0");
        assert_eq!(svg_points(&[], 200, 100), "");
    }
}
