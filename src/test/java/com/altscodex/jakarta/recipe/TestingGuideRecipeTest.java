package com.altscodex.jakarta.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manual's recipe (docs/testing.md, "Testing your integration", and the webhook receiver
 * of docs/login-links.md) is, to the character, the source of this package: what a reader copies
 * is what {@code mvn verify} compiles and runs (PlayerAuthIT).
 */
class TestingGuideRecipeTest {
    private static final Path RECIPE = Path.of("src/test/java/com/altscodex/jakarta/recipe");
    private static final Path MANUAL = Path.of("docs");
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- recipe: (\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyRecipeBlockIsTheSourceItNames() throws IOException {
        Map<String, String> blocks = recipeBlocks();
        assertTrue(!blocks.isEmpty(), "the manual shows no recipe block");
        blocks.forEach((file, block) -> {
            try {
                assertEquals(Files.readString(Path.of(file)), block, "the manual's block of " + file);
            } catch (IOException e) {
                throw new AssertionError("the manual shows " + file + ", which cannot be read", e);
            }
        });
    }

    @Test
    void theGuideShowsEveryFileOfTheRecipe() throws IOException {
        Set<String> sources;
        try (Stream<Path> files = Files.list(RECIPE)) {
            sources = files.map(Path::toString)
                    .filter(name -> name.endsWith(".java") && !name.endsWith("TestingGuideRecipeTest.java"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(sources, recipeBlocks().keySet());
    }

    private static Map<String, String> recipeBlocks() throws IOException {
        Map<String, String> blocks = new TreeMap<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(MANUAL)) {
            pages = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        for (Path page : pages) {
            Matcher block = BLOCK.matcher(Files.readString(page));
            while (block.find()) {
                blocks.put(block.group(1), block.group(2));
            }
        }
        return blocks;
    }
}
