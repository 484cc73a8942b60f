package driver;

public final class DrainTest {
    @Test
    public void theDrainsTimesAreAgainstSigterm() {
        String hold = "opened=200 sent=200 answered=200 lost=0 connect_failed=0 unanswered=0 shutdown=200 "
                + "first_answer_ms=1796609904256 last_answer_ms=1796609904526 status_503=200";
        Check.equal(new Drain.Result(200, 0, 0, 28, 298, 1557L), Drain.of(hold, 1796609904228L, 1557L));
    }

    @Test
    public void noAnswerCountsFromSigtermItselfAndTheLostAddUp() {
        String hold = "opened=200 sent=190 answered=150 lost=20 connect_failed=10 unanswered=20 shutdown=140 "
                + "first_answer_ms=0 last_answer_ms=0";
        Check.equal(new Drain.Result(140, 10, 50, 0, 0, null), Drain.of(hold, 1000, null));
    }
}
