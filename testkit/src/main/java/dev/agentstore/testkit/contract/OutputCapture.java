package dev.agentstore.testkit.contract;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything written while some work runs: standard output, standard error, and every java.util.logging record at
 * every level (the root logger is opened to ALL meanwhile), each as its message pattern, its formatted message,
 * every parameter and its exception chain. SLF4J's logging reaches java.util.logging through {@code slf4j-jdk14}, so
 * DEBUG and TRACE of every library are in too; pgjdbc logs there natively. Loggers whose own level is set (as
 * agentstore sets pgjdbc's) keep it, as they would in production.
 */
final class OutputCapture {
    private OutputCapture() {}

    /** Runs {@code work} and returns all it wrote. */
    static String of(Runnable work) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        StringBuilder records = new StringBuilder();
        Handler handler = new RecordingHandler(records);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        System.setOut(capture);
        System.setErr(capture);
        try {
            work.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.setLevel(rootLevel);
            root.removeHandler(handler);
        }
        synchronized (records) {
            return bytes.toString(StandardCharsets.UTF_8) + "\n" + records;
        }
    }

    /** Appends each record's pattern, formatted message, parameters and exception chain. */
    private static final class RecordingHandler extends Handler {
        private final StringBuilder records;
        private final SimpleFormatter formatter = new SimpleFormatter();

        RecordingHandler(StringBuilder records) {
            this.records = records;
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(record.getLevel())
                    .append(' ')
                    .append(record.getLoggerName())
                    .append(": ")
                    .append(record.getMessage())
                    .append(" | ")
                    .append(formatter.formatMessage(record));
            Object[] parameters = record.getParameters();
            if (parameters != null) {
                for (Object parameter : parameters) {
                    line.append(" | ").append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            synchronized (records) {
                records.append(line).append('\n');
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
