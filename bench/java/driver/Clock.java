package driver;

/** Time, injectable: the phases wait and poll by it. */
interface Clock {
    /** milliseconds since the epoch (the tools print their answers' times on the same clock) */
    long millis();

    void sleep(long millis);

    Clock SYSTEM = new Clock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure("interrupted");
            }
        }
    };
}
