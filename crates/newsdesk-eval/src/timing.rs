//! Timing for the speed figures: every stage is timed the same way, as the median of several
//! passes on one thread, because the machines these run on are noisy.

use std::time::Instant;

/// The median of `values` (the upper one of an even count); NaN when there are none.
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Runs `pass` `runs` times (at least once) and returns the median pass in seconds.
pub fn median_seconds(runs: usize, mut pass: impl FnMut()) -> f64 {
    let seconds: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            pass();
            t.elapsed().as_secs_f64()
        })
        .collect();
    median(&seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_even_and_none() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 3.0);
        assert!(median(&[]).is_nan());
        let mut passes = 0;
        assert!(median_seconds(0, || passes += 1) >= 0.0);
        assert_eq!(passes, 1);
    }
}
