package dev.agentstore.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The text corpus of the RAG example: a small travel guide to Norway shipped with the examples
 * ({@code corpus/norway-travel-notes.txt}). Each document has a header line {@code === id | city | topic |
 * season} and paragraphs separated by blank lines; each paragraph becomes one chunk.
 */
final class TravelGuide {
    private static final String RESOURCE = "/corpus/norway-travel-notes.txt";

    private TravelGuide() {}

    /** One document of the guide: its id, what it is about, and its paragraphs in order. */
    record Document(String id, String city, String topic, String season, List<String> paragraphs) {
        /** The metadata every chunk of the document carries, for filtered search. */
        Map<String, Object> metadata() {
            return Map.of("city", city, "topic", topic, "season", season);
        }
    }

    /** The guide's documents, in file order. */
    static List<Document> documents() {
        try (InputStream in = TravelGuide.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<Document> parse(String text) {
        List<Document> documents = new ArrayList<>();
        for (String block : text.split("(?m)^=== ")) {
            if (block.isBlank() || block.startsWith("#")) {
                continue; // the file's comment lines before the first document
            }
            String[] lines = block.split("\n", 2);
            String[] header =
                    Arrays.stream(lines[0].split("\\|")).map(String::strip).toArray(String[]::new);
            if (header.length != 4 || lines.length < 2) {
                throw new IllegalStateException("bad document header: " + lines[0]);
            }
            List<String> paragraphs = Arrays.stream(lines[1].split("\n\\s*\n"))
                    .map(p -> p.strip().replaceAll("\\s+", " "))
                    .filter(p -> !p.isEmpty())
                    .toList();
            documents.add(new Document(header[0], header[1], header[2], header[3], paragraphs));
        }
        return documents;
    }
}
