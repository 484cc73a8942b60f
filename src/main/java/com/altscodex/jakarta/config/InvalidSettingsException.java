package com.altscodex.jakarta.config;

import java.util.List;

/** The configuration cannot run the module; the message names every bad key and how to set it. */
public final class InvalidSettingsException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidSettingsException(List<String> problems) {
        super("AltsCodex configuration is invalid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
