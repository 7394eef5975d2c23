//! Logistic regression, for the small join and copy models newsdesk ships.

/// L2-regularised logistic regression by batch gradient descent, each class weighing half so
/// rare positives are not drowned: a handful of features and a few thousand examples need
/// nothing more.
pub fn fit_logistic<const N: usize>(examples: &[([f32; N], bool)]) -> (f32, Vec<f32>) {
    let (mut bias, mut w) = (0f64, vec![0f64; N]);
    let positives = examples.iter().filter(|e| e.1).count().max(1) as f64;
    let negatives = (examples.len() as f64 - positives).max(1.0);
    let weight = |label: bool| {
        if label {
            0.5 / positives
        } else {
            0.5 / negatives
        }
    };
    let (rate, l2) = (2.0, 1e-4);
    for _ in 0..4000 {
        let (mut gb, mut gw) = (0f64, vec![0f64; N]);
        for (x, y) in examples {
            let z = bias + w.iter().zip(x).map(|(a, b)| a * *b as f64).sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = (p - if *y { 1.0 } else { 0.0 }) * weight(*y);
            gb += err;
            for (g, xi) in gw.iter_mut().zip(x) {
                *g += err * *xi as f64;
            }
        }
        bias -= rate * gb;
        for (wi, gi) in w.iter_mut().zip(&gw) {
            *wi -= rate * (gi + l2 * *wi);
        }
    }
    (bias as f32, w.into_iter().map(|x| x as f32).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_a_separable_set() {
        let data: Vec<([f32; 1], bool)> = (0..20).map(|i| ([i as f32 / 20.0], i >= 10)).collect();
        let (b, w) = fit_logistic(&data);
        let p = |x: f32| 1.0 / (1.0 + (-(b + w[0] * x)).exp());
        assert!(p(0.9) > 0.5 && p(0.1) < 0.5);
    }
}
