package driver;

import java.util.List;

public final class TextTest {
    private static final String BIG = "clients=12 status_413=11 status_200=1 reset_before_status=0 no_answer=0 sent_whole=12 "
            + "elapsed_ms=964 slowest_ms=963";

    @Test
    public void aToolsValuesAreReadByKey() {
        Check.equal("963", Text.value(BIG, "slowest_ms"));
        Check.equal("12", Text.value(BIG, "clients"));
        Check.equal(null, Text.value(BIG, "lost"));
        Check.equal(0L, Text.number(BIG, "lost"));
        Check.equal(11L, Text.number(BIG, "status_413"));
    }

    @Test
    public void aKeyIsAWholeWord() {
        Check.equal("5", Text.value("open_min=3 min=5", "min"));
    }

    @Test
    public void statusesReadAsTheReportPrintsThem() {
        Check.equal("413×11, 200×1", Text.statuses(BIG));
        Check.equal(null, Text.statuses("clients=12 no_answer=12"));
    }

    @Test
    public void sortRnIsNumberFirstThenTheLineReversed() {
        List<String> lines = new java.util.ArrayList<>(List.of("  1 a", " 10 b", "  1 c", " -5 z", "  0 y"));
        lines.sort(Text.SORT_RN);
        Check.equal(List.of(" 10 b", "  1 c", "  1 a", "  0 y", " -5 z"), lines);
    }

    /** the same lines, in the same order, as the script's awk and sort -rn gave on the same two histograms */
    @Test
    public void histogramGrowthIsTheScriptsByClassLargestFirst() {
        List<String> growth = Heap.growth(Check.fixture("histogram-before.txt"), Check.fixture("histogram-after.txt"));
        Check.sameLines(Check.fixture("histogram-growth.txt"), String.join("\n", growth) + "\n");
    }

    @Test
    public void aHistogramsTotalIsItsBytes() {
        Check.equal(99_757_728L, Heap.total(Check.fixture("histogram-before.txt")));
        Check.equal(null, Heap.total("12345: Unable to open socket file"));
    }

    @Test
    public void theJstatPeakIsTheMostHeapInUse() {
        // survivors 0 + eden 15360 + old 79684.3 KiB in the last line: 92.8 MiB (the script's awk gave 93 too)
        Check.equal("93", Heap.jstatPeakMib(Check.fixture("jstat-gc.txt")));
        Check.equal("0", Heap.jstatPeakMib("12345 not found\n"));
    }
}
