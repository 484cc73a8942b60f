package com.altscodex.jakarta.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class PlainStringParamsTest {
    private final PlainStringParams params = new PlainStringParams();

    @Test
    void aStringGoesOutAndComesInUnchanged() {
        ParamConverter<String> converter = params.getConverter(String.class, String.class, new Annotation[0]);
        for (String value : new String[] {"", "Bearer eyJ.a+b/c=", "100% ü &x=y"}) {
            assertEquals(value, converter.toString(value));
            assertEquals(value, converter.fromString(value));
        }
    }

    @Test
    void otherTypesAreLeftToTheRuntime() {
        assertNull(params.getConverter(Integer.class, Integer.class, new Annotation[0]));
        assertNull(params.getConverter(CharSequence.class, CharSequence.class, new Annotation[0]));
    }
}
