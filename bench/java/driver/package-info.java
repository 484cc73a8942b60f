/**
 * The login benchmark's driver: what bench/run runs once it has built and resolved what it needs.
 *
 * <p>Where each concern lives:
 * <ul>
 * <li>the run: {@link driver.BenchRun} (the phases in order), {@link driver.Options}, {@link driver.Plan}
 * (quick or full), {@link driver.Bench} (what every phase shares);</li>
 * <li>the phases: {@link driver.Startup}, {@link driver.WarmUp} (its stop rule), {@link driver.Throughput},
 * {@link driver.Profiling}, {@link driver.Hostile} (oversized bodies, slow clients with {@link driver.Probes}),
 * {@link driver.Capacity}, {@link driver.Drain}, {@link driver.RedisStore};</li>
 * <li>the processes: {@link driver.Processes} (starts them, kills what is left by pid), {@link driver.Child},
 * {@link driver.Server}, {@link driver.Mock}, {@link driver.Wrk}, {@link driver.Ports};</li>
 * <li>the readings: {@link driver.ProcFs} (/proc, any root), {@link driver.CpuUse} (the CPU arithmetic),
 * {@link driver.WrkResult} (wrk's BENCH line), {@link driver.Heap} (jcmd's histograms, jstat),
 * {@link driver.Http} (one request per connection, as curl sent it), {@link driver.Text};</li>
 * <li>the report: {@link driver.Results} (every figure), {@link driver.Report} (results.md),
 * {@link driver.Floor}, {@link driver.LatencyPlot}, {@link driver.Machine}, {@link driver.Num} (numbers as
 * awk printed them).</li>
 * </ul>
 * Time ({@link driver.Clock}) and /proc ({@link driver.ProcFs}) are parameters, so the tests in
 * bench/tests/driver (run by bench/test) need no server.
 */
package driver;
