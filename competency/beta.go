package competency

import (
	"math"

	"github.com/salesdev/salesdev/benchmark"
)

// This file holds the beta distribution's CDF (the regularized incomplete
// beta function) and its inverse, for a score's posterior interval. They
// are written for the counts a CRM holds: shape parameters from below 1
// (a weak prior on no hits) to 10¹⁹ (every trial an int64 can count),
// where the textbook formula exp(lgamma(a+b) − lgamma(a) − lgamma(b) + …)
// loses every digit to cancellation. The prefactor is therefore computed
// the way Loader computes binomial probabilities, from Stirling-series
// remainders and a stable deviance, and the continued fraction falls back
// to a saddlepoint approximation when both parameters are so large that
// it would take millions of terms (the approximation's relative error is
// then below 10⁻¹⁰).
//
// References:
//
//   - W. H. Press et al., Numerical Recipes, 3rd ed. (2007), §6.4: the
//     continued fraction for I_x(a, b) and the modified Lentz method.
//   - C. Loader, "Fast and Accurate Computation of Binomial Probabilities"
//     (2000): stirlerr and bd0.
//   - R. Lugannani and S. Rice, "Saddle point approximation for the
//     distribution of the sum of independent random variables", Adv. Appl.
//     Prob. 12 (1980) 475–490.

const lnSqrt2Pi = 0.918938533204672741780329736406 // log(√(2π))

// betaCDF returns I_x(a, b), the probability that a Beta(a, b) variable is
// at most x, for finite a, b > 0. y must be 1−x; it is passed separately so
// that a tiny x keeps its precision on the other side of the function.
func betaCDF(a, b, x, y float64) float64 {
	switch {
	case x <= 0:
		return 0
	case y <= 0:
		return 1
	case a > b:
		return clamp(1 - betaCDF(b, a, y, x))
	}
	// Now a ≤ b, so the mean is at most ½. Below about the mean the
	// continued fraction converges fast. Above it, the textbook move is
	// to compute 1 − I_y(b, a); that needs y = 1−x to carry the small x,
	// and the fraction's terms to resolve 1/b, both of which float64
	// loses once b passes about 10⁹. There a small a makes the
	// distribution a gamma one to within (a/b)², and a large one makes
	// the saddlepoint approximation exact to about 10⁻⁸; each was checked
	// against SciPy and against the other where both apply.
	switch {
	case b > 1e9 && a < 200:
		// −log(1−X) has density ∝ (1−e^(−t))^(a−1)·e^(−bt), and
		// 1−e^(−t) = t·e^(−t/2)·(1+O(t²)).
		return gammaP(a, -(b+(a-1)/2)*math.Log1p(-x))
	case x <= (a+1)/(a+b+2):
		return clamp(betaTail(a, b, x, y))
	case b <= 1e9:
		return clamp(1 - betaTail(b, a, y, x))
	}
	return saddle(a, b, x, y)
}

// gammaP returns the regularized lower incomplete gamma function P(a, z),
// for a > 0 and z ≥ 0, by its series below a+1 and by the continued
// fraction of its complement above (Numerical Recipes §6.2).
func gammaP(a, z float64) float64 {
	if z <= 0 {
		return 0
	}
	if math.IsInf(z, 1) {
		return 1
	}
	lg, _ := math.Lgamma(a)
	front := math.Exp(-z + a*math.Log(z) - lg)
	if z < a+1 {
		ap, del := a, 1/a
		sum := del
		for range maxCF {
			ap++
			del *= z / ap
			sum += del
			if math.Abs(del) < math.Abs(sum)*cfEps {
				break
			}
		}
		return clamp(sum * front)
	}
	b := z + 1 - a
	c, d := 1/cfTiny, 1/b
	h := d
	for i := 1.0; i <= maxCF; i++ {
		an := -i * (i - a)
		b += 2
		d = 1 / offZero(an*d+b)
		c = offZero(b + an/c)
		del := d * c
		h *= del
		if math.Abs(del-1) < cfEps {
			break
		}
	}
	return clamp(1 - front*h)
}

// betaTail returns I_x(a, b) by the continued fraction, or by the
// saddlepoint approximation when the fraction does not converge within
// maxCF terms (both parameters huge and x near the mean).
func betaTail(a, b, x, y float64) float64 {
	if h, ok := betaCF(a, b, x); ok {
		return math.Exp(logFront(a, b, x, y)) * h
	}
	return saddle(a, b, x, y)
}

// logFront returns log(x^a y^b / (a·B(a, b))), the factor in front of the
// continued fraction, as (b/n)·dbinom(a; n, x) with n = a+b, which is
// Loader's form and free of cancellation for large a and b.
func logFront(a, b, x, y float64) float64 {
	n := a + b
	d := excess(a, b, x, y)
	lc := stirlerr(n) - stirlerr(a) - stirlerr(b) - bd0(a, n*x, d) - bd0(b, n*y, -d)
	lf := math.Log(2*math.Pi) + math.Log(a) + math.Log(b) - math.Log(n)
	return lc - 0.5*lf + math.Log(b) - math.Log(n)
}

// maxCF bounds the continued fraction's terms. Near the mean it needs
// about 4,000 terms at a = b = 5×10⁸, growing as n^0.27; beyond this the saddlepoint
// approximation is both faster and more accurate.
const maxCF = 10000

// cfEps is the relative change at which a series or continued fraction
// has converged, and cfTiny the floor the modified Lentz method puts
// under a denominator's magnitude so that it never divides by zero.
const cfEps, cfTiny = 1e-16, 1e-300

// offZero keeps a Lentz denominator off zero: a v smaller in magnitude than
// cfTiny becomes cfTiny.
func offZero(v float64) float64 {
	if math.Abs(v) < cfTiny {
		return cfTiny
	}
	return v
}

// betaCF evaluates the continued fraction for I_x(a, b) by the modified
// Lentz method, and reports whether it converged.
func betaCF(a, b, x float64) (float64, bool) {
	qab, qap, qam := a+b, a+1, a-1
	c, d := 1.0, 1/offZero(1-qab*x/qap)
	h := d
	for m := 1.0; m <= maxCF; m++ {
		m2 := 2 * m
		aa := m * (b - m) * x / ((qam + m2) * (a + m2))
		d = 1 / offZero(1+aa*d)
		c = offZero(1 + aa/c)
		h *= d * c
		aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
		d = 1 / offZero(1+aa*d)
		c = offZero(1 + aa/c)
		del := d * c
		h *= del
		if math.Abs(del-1) < cfEps {
			return h, true
		}
	}
	return h, false
}

// saddle approximates I_x(a, b) = P((1−x)G_a − x·G_b ≤ 0), with G_a and
// G_b independent unit gamma variables, by the Lugannani–Rice formula.
// The saddlepoint has a closed form: K(t̂) = −[bd0(a, nx) + bd0(b, ny)],
// K”(t̂) = n³x²y²/(ab).
func saddle(a, b, x, y float64) float64 {
	n := a + b
	e := excess(a, b, x, y)
	d := -e // n·x − a
	w := math.Copysign(math.Sqrt(2*(bd0(a, n*x, e)+bd0(b, n*y, -e))), d)
	var corr float64
	if math.Abs(w) < 1e-5 {
		corr = (b - a) / (3 * math.Sqrt(a) * math.Sqrt(b) * math.Sqrt(n)) // the limit at the mean: skewness/6
	} else {
		u := d * math.Sqrt(n) / (math.Sqrt(a) * math.Sqrt(b))
		corr = 1/w - 1/u
	}
	phi := math.Exp(-w*w/2) / math.Sqrt(2*math.Pi)
	return clamp(0.5*math.Erfc(-w/math.Sqrt2) + phi*corr)
}

// stirlerr returns log(n!) − log(√(2πn)·(n/e)ⁿ), the remainder of
// Stirling's formula, for n > 0.
func stirlerr(n float64) float64 {
	const (
		s0 = 1.0 / 12
		s1 = 1.0 / 360
		s2 = 1.0 / 1260
		s3 = 1.0 / 1680
		s4 = 1.0 / 1188
	)
	if n <= 15 {
		lg, _ := math.Lgamma(n + 1)
		return lg - (n+0.5)*math.Log(n) + n - lnSqrt2Pi
	}
	nn := n * n
	switch {
	case n > 500:
		return (s0 - s1/nn) / n
	case n > 80:
		return (s0 - (s1-s2/nn)/nn) / n
	case n > 35:
		return (s0 - (s1-(s2-s3/nn)/nn)/nn) / n
	}
	return (s0 - (s1-(s2-(s3-s4/nn)/nn)/nn)/nn) / n
}

// excess returns a − n·x with n = a+b, which is also n·y − b: how far the
// expected count a lies from the count x implies. It is computed from the
// smaller of x and y, the one held exactly, so that it keeps its precision
// when n is huge and x (or y) tiny.
func excess(a, b, x, y float64) float64 {
	n := a + b
	if x <= y {
		return a - n*x
	}
	return n*y - b
}

// bd0 returns x·log(x/np) + np − x, the deviance term, given d = x − np
// computed by the caller with full precision. Near x = np it sums a
// series in d, free of the cancellation of the formula.
func bd0(x, np, d float64) float64 {
	if math.Abs(d) < 0.1*(2*x-d) {
		v := d / (2*x - d)
		s := d * v
		ej := 2 * x * v
		v *= v
		for j := 3.0; j < 1000; j += 2 {
			ej *= v
			s1 := s + ej/j
			if s1 == s {
				break
			}
			s = s1
		}
		return s
	}
	return x*math.Log(x/np) + np - x
}

// betaQuantile returns the x with I_x(a, b) = p, for finite a, b > 0 and p
// in (0, 1). It solves on the side of ½ where x lies, for a number below
// ½, which keeps its precision: a quantile above ½ is 1 less the quantile
// 1−p of Beta(b, a). Solving above ½ directly, where floats are 1.1e−16
// apart, missed quantiles of U-shaped distributions (a, b < 1) whose
// probability moves by more than 10⁻⁴ between neighbouring floats.
func betaQuantile(a, b, p float64) float64 {
	if p > betaCDF(a, b, 0.5, 0.5) {
		return 1 - betaLower(b, a, 1-p)
	}
	return betaLower(a, b, p)
}

// betaLower returns the x in (0, ½] with I_x(a, b) = p, for p at most
// I_½(a, b), by Newton's method safeguarded with bisection.
func betaLower(a, b, p float64) float64 {
	lo, hi := 0.0, 0.5
	// Start from the normal approximation, inside the bracket.
	n := a + b
	m, sd := a/n, math.Sqrt(a/n*(b/n)/(n+1))
	x := m + math.Sqrt2*math.Erfinv(2*p-1)*sd
	if !(x > 0 && x < hi) {
		x = min(m, hi) / 2
	}
	for range 400 {
		f := betaCDF(a, b, x, 1-x) - p
		if f == 0 {
			return x
		}
		if f < 0 {
			lo = x
		} else {
			hi = x
		}
		// Newton's step, with the density x^(a−1)(1−x)^(b−1)/B(a, b).
		next := x - f/math.Exp(logFront(a, b, x, 1-x)+math.Log(a)-math.Log(x)-math.Log1p(-x))
		if !(next > lo && next < hi) {
			// Bisect, geometrically when the bracket spans orders of
			// magnitude, so that a quantile near 0 is found in a few
			// dozen steps.
			switch {
			case lo == 0:
				next = hi / 1024
			case hi > 4*lo:
				next = math.Sqrt(lo * hi)
			default:
				next = lo + (hi-lo)/2
			}
		}
		if math.Abs(next-x) <= 1e-15*x || hi-lo <= 2e-16*hi {
			return next
		}
		x = next
	}
	return x
}

// clamp keeps a probability in [0, 1] against rounding.
func clamp(v float64) float64 { return min(max(v, 0), 1) }

// posteriorInterval returns the equal-tailed interval at level of the
// posterior Beta(Hits+α, Trials−Hits+β) of a rate under prior p, for a rate
// with trials and a valid prior.
func posteriorInterval(r benchmark.Rate, p benchmark.Prior, level float64) (lo, hi float64) {
	a, b := float64(r.Hits)+p.Alpha, float64(r.Trials-r.Hits)+p.Beta
	tail := (1 - level) / 2
	lo, hi = betaQuantile(a, b, tail), betaQuantile(a, b, 1-tail)
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return 0, 1 // unreachable for valid inputs; never let NaN out
	}
	return lo, hi
}
