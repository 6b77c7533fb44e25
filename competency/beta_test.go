package competency

import (
	"math"
	"testing"

	"pgregory.net/rapid"
)

// TestBetaQuantileReference checks the inverse of the regularized
// incomplete beta function against reference values computed once with
// SciPy 1.10.1 (Debian python3-scipy), scipy.stats.beta.ppf(p, a, b),
// printed with repr. The tolerance is relative to the distribution's
// standard deviation, the scale on which an interval is read: SciPy's own
// values drift at a billion trials (its median of Beta(5×10⁸, 5×10⁸) is
// 0.4999999999995571, not ½), by far less than that.
func TestBetaQuantileReference(t *testing.T) {
	tests := []struct{ a, b, p, want float64 }{
		{1, 1, 0.025, 0.025},
		{1, 1, 0.5, 0.5},
		{1, 1, 0.975, 0.975},
		{0.5, 0.5, 0.025, 0.001541333133436012},
		{0.5, 0.5, 0.5, 0.4999999999999999},
		{0.5, 0.5, 0.975, 0.9984586668665639},
		{0.5, 0.5, 0.005, 6.168375916970068e-05},
		{2, 3, 0.025, 0.06758598648854294},
		{2, 3, 0.5, 0.3857275681323895},
		{2, 3, 0.975, 0.8058795503167565},
		{2, 3, 0.005, 0.029444787137933224},
		{0.5, 1e9, 0.025, 4.910345587102659e-13},
		{0.5, 1e9, 0.5, 2.2746821159078216e-10},
		{0.5, 1e9, 0.975, 2.5119430911305014e-09},
		{0.5, 1e9, 0.005, 1.963521111516655e-14},
		{3, 1e9, 0.025, 6.186721220855516e-10},
		{3, 1e9, 0.5, 2.6740603074742016e-09},
		{3, 1e9, 0.975, 7.224687646445633e-09},
		{0.001, 50, 0.975, 1.1472925385650037e-13},
		{50, 0.001, 0.005, 0.9999241859850606},
		{7.1, 90, 0.025, 0.03045740307698316},
		{7.1, 90, 0.5, 0.07019834637981119},
		{7.1, 90, 0.975, 0.13230515847341606},
		{19.2, 171.3, 0.025, 0.06229255416070617},
		{19.2, 171.3, 0.975, 0.14720219734218576},
		{19.2, 171.3, 0.005, 0.052834998348847764},
		{5e8, 5e8, 0.025, 0.4999690102482556},
		{5e8, 5e8, 0.975, 0.5000309897517444},
		{5e8, 5e8, 0.005, 0.4999592725626201},
		{1e8, 9e8, 0.025, 0.09998140690674778},
		{1e8, 9e8, 0.5, 0.09999999973342193},
		{1e8, 9e8, 0.975, 0.10001859460863644},
		{9e8 + 0.5, 1e8 + 0.5, 0.025, 0.8999814049913398},
		{9e8 + 0.5, 1e8 + 0.5, 0.975, 0.9000185926932155},
		{349.5, 204.2, 0.025, 0.5906255514282659},
		{349.5, 204.2, 0.5, 0.6313663220651758},
		{349.5, 204.2, 0.975, 0.6708930882821375},
		{4238, 2473, 0.025, 0.6199232354744904},
		{4238, 2473, 0.975, 0.6430035701900861},
		{1e4, 1e18, 0.025, 9.804952467260089e-15},
		{1e4, 1e18, 0.975, 1.019694182499978e-14},
		{0.5, 1e18, 0.025, 4.910345585876279e-22},
		{0.5, 1e18, 0.975, 2.5119430936574435e-18},
	}
	for _, tt := range tests {
		n := tt.a + tt.b
		sd := math.Sqrt(tt.a / n * (tt.b / n) / (n + 1))
		got := betaQuantile(tt.a, tt.b, tt.p)
		if d := math.Abs(got - tt.want); d > 1e-6*sd && d > 1e-12*tt.want {
			t.Errorf("betaQuantile(%v, %v, %v) = %v, want %v (off by %.2g sd)", tt.a, tt.b, tt.p, got, tt.want, d/sd)
		}
	}
}

// At 10¹⁸ trials SciPy's ppf is itself off (its median of
// Beta(5×10¹⁷, 5×10¹⁷) is 0.49999999937), so the reference there is the
// normal limit, exact to far better than a part in a thousand of a
// standard deviation for a symmetric beta this large.
func TestBetaQuantileHuge(t *testing.T) {
	for _, a := range []float64{5e11, 5e14, 5e17, 4.6e18} {
		sd := math.Sqrt(0.25 / (2*a + 1))
		for _, z := range []float64{-2.5758293035489004, -1.959963984540054, 0, 1.959963984540054} {
			p := 0.5 * math.Erfc(-z/math.Sqrt2)
			got := betaQuantile(a, a, p)
			if want := 0.5 + z*sd; math.Abs(got-want) > 1e-3*sd+1e-16 {
				t.Errorf("betaQuantile(%g, %g, %v) = %v, want %v", a, a, p, got, want)
			}
		}
	}
}

// U-shaped distributions (a, b < 1) put their mass at both ends, so a
// quantile near 1 moves the probability by more than 10⁻⁴ between
// neighbouring floats, and one near 0 is far below the floats' spacing
// near 1: each must be solved as a small number on its own side of ½.
// These are draws TestBetaInverseProperty failed on before it was.
func TestBetaQuantileUShaped(t *testing.T) {
	for _, tt := range []struct{ a, b, p float64 }{
		{0.1, 0.1, 0.999},
		{0.1, 0.1, 0.99},
		{0.16548170999431816, 0.13335214321633243, 0.001953125},
		{0.13335214321633243, 0.16548170999431816, 0.998046875},
	} {
		x := betaQuantile(tt.a, tt.b, tt.p)
		if x == 1 || x == 0 {
			// The nearest float: the neighbour must fall short.
			if y := math.Nextafter(x, 0.5); x == 1 && betaCDF(tt.a, tt.b, y, 1-y) > tt.p || x == 0 && betaCDF(tt.a, tt.b, y, 1-y) < tt.p {
				t.Errorf("betaQuantile(%v, %v, %v) = %v, but %v already reaches it", tt.a, tt.b, tt.p, x, y)
			}
			continue
		}
		lo, hi := math.Nextafter(x, 0), math.Nextafter(x, 1)
		if f, g := betaCDF(tt.a, tt.b, lo, 1-lo), betaCDF(tt.a, tt.b, hi, 1-hi); !(f <= tt.p && tt.p <= g) {
			t.Errorf("betaQuantile(%v, %v, %v) = %v: the CDF on its neighbours is %v and %v, which do not bracket p", tt.a, tt.b, tt.p, x, f, g)
		}
	}
}

// The CDF and the quantile are inverses, and the CDF is monotone, over the
// whole range of shapes a rep's counts can give.
func TestBetaInverseProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := math.Pow(10, rapid.Float64Range(-1, 18).Draw(t, "log10 a"))
		b := math.Pow(10, rapid.Float64Range(-1, 18).Draw(t, "log10 b"))
		p := rapid.Float64Range(0.001, 0.999).Draw(t, "p")
		x := betaQuantile(a, b, p)
		if math.IsNaN(x) || x < 0 || x > 1 {
			t.Fatalf("betaQuantile(%v, %v, %v) = %v", a, b, p, x)
		}
		if x > 0 && x < 1 {
			f := betaCDF(a, b, x, 1-x)
			// The CDF moves by at most density × ulp between floats, so
			// allow a few ulps of x's worth of probability.
			if math.Abs(f-p) > 1e-6 {
				lo := betaCDF(a, b, math.Nextafter(x, 0), 1-math.Nextafter(x, 0))
				hi := betaCDF(a, b, math.Nextafter(x, 1), 1-math.Nextafter(x, 1))
				if !(lo <= p && p <= hi) {
					t.Fatalf("betaCDF(%v, %v, betaQuantile(%v) = %v) = %v", a, b, p, x, f)
				}
			}
		}
		q := rapid.Float64Range(0.001, 0.999).Draw(t, "q")
		if y := betaQuantile(a, b, q); (q > p && y < x) || (q < p && y > x) {
			t.Fatalf("betaQuantile(%v, %v, ·) not monotone: %v → %v, %v → %v", a, b, p, x, q, y)
		}
	})
}

// The CDF is monotone in x and stays in [0, 1] across every regime it
// switches between (continued fraction on either side, gamma limit,
// saddlepoint), from 10⁻³⁰⁰ to the last float below 1.
func TestBetaCDFMonotone(t *testing.T) {
	for _, a := range []float64{0.01, 0.5, 3, 199, 250, 1e4, 1e7, 1e9, 1e12, 1e17} {
		for _, b := range []float64{0.01, 1, 1e3, 1e6, 1e9, 1.1e9, 1e12, 1e18} {
			prev, px := 0.0, 0.0
			for i := 0; i <= 2000; i++ {
				u := float64(i) / 2000
				x := 1 - 0.5*math.Pow(10, -(u-0.5)*2*16)
				if u < 0.5 {
					x = math.Pow(10, -300+u*2*(300-math.Log10(2)))
				}
				v := betaCDF(a, b, x, 1-x)
				if math.IsNaN(v) || v < 0 || v > 1 || v < prev-1e-9 {
					t.Fatalf("betaCDF(%g, %g, %g) = %v, below betaCDF(%g) = %v", a, b, x, v, px, prev)
				}
				prev, px = v, x
			}
		}
	}
}
