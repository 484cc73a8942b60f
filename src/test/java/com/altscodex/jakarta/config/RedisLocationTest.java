package com.altscodex.jakarta.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;

class RedisLocationTest {

    @Test
    void oneServerShowsItsHostPortAndDatabaseButNoPassword() {
        RedisLocation location = RedisLocation.parse(" redis://app-user:pw-3f1a@cache.internal/2 ");
        assertEquals("redis://****@cache.internal:6379/2", location.toString());
        assertFalse(location.sentinel());
    }

    @Test
    void sentinelsAreListedWithTheirDefaultPortAndThePrimarysName() {
        RedisLocation location = RedisLocation.parse("redis-sentinel://:pw-3f1a@s1.internal,s2.internal:26380/0#mymaster");
        assertEquals("redis-sentinel://****@s1.internal:26379,s2.internal:26380/0#mymaster", location.toString());
        assertTrue(location.sentinel());
        RedisURI lettuce = location.connect(RedisURI::create);
        assertEquals("mymaster", lettuce.getSentinelMasterId());
        assertEquals(2, lettuce.getSentinels().size());
        assertEquals("pw-3f1a", new String(lettuce.getPassword()), "the password reaches the client, and only it");
    }

    @Test
    void eachMistakeIsNamedWithoutQuotingTheValue() {
        assertRefused("redis-sentinel://pw-3f1a@s1:26379", "#<the primary's name in Sentinel>");
        assertRefused("redis://pw-3f1a@cache:6379#mymaster", "only a redis-sentinel:// URI");
        assertRefused("redis://pw-3f1a@a,b", "several hosts are for Sentinel");
        assertRefused("http://pw-3f1a@cache", "not a redis://");
        assertRefused("redis://pw-3f1a@cache:99999", "a port is a number from 1 to 65535");
        assertRefused("redis://pw-3f1a@cache/db", "a database number");
        assertRefused("redis-sentinel://pw-3f1a@s1,,s2#m", "with a host");
        assertRefused("redis-sentinel://pw-3f1a@s1,[::1]#m", "not a URI");
        assertEquals("redis-sentinel://[::1]:26379#m", RedisLocation.parse("redis-sentinel://[::1]#m").toString());
    }

    private static void assertRefused(String uri, String because) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RedisLocation.parse(uri));
        assertTrue(refused.getMessage().contains(because), refused.getMessage());
        assertFalse(refused.getMessage().contains("pw-3f1a"), refused.getMessage());
    }
}
