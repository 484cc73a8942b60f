package driver;

public final class NumTest {
    @Test
    public void fixedRoundsTheExactValueHalfToEvenAsPrintfDoes() {
        Check.equal("0.1", Num.fixed(0.15, 1));      // 0.1499999…
        Check.equal("2", Num.fixed(2.5, 0));
        Check.equal("4", Num.fixed(3.5, 0));
        Check.equal("12.346", Num.fixed(12.3456, 3));
        Check.equal("670.5", Num.fixed(670.468, 1));
        Check.equal("0.000", Num.fixed(0, 3));
    }

    @Test
    public void fixedKeepsTheMinusOfANegativeZero() {
        Check.equal("-0", Num.fixed(-0.4, 0));
        Check.equal("-1", Num.fixed(-0.6, 0));
    }

    @Test
    public void sixDigitsIsAwksPrint() {
        Check.equal(5.11016, Num.sixDigits(5.110157));
        Check.equal(20.0, Num.sixDigits(20.0));
    }

    @Test
    public void signedAlwaysHasItsSign() {
        Check.equal("+0", Num.signed(0));
        Check.equal("+3", Num.signed(3));
        Check.equal("-8", Num.signed(-8));
    }

    @Test
    public void parseReadsTheNumericPrefixAsAwk() {
        Check.equal(12.459, Num.parse("12.459"));
        Check.equal(0.0, Num.parse("000"));
        Check.equal(84.0, Num.parse("84/s"));
        Check.equal(0.0, Num.parse("?"));
        Check.equal(0.0, Num.parse(null));
    }
}
