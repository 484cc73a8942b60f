package driver;

/** The benchmark could not measure: logged as "FAILED: …", and the run exits 1. */
final class BenchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BenchFailure(String message) {
        super(message);
    }
}
