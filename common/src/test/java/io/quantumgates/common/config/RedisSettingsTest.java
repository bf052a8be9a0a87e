package io.quantumgates.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisSettingsTest {
    private static RedisSettings from(Map<String, String> vars) {
        return RedisSettings.from(new Env(vars));
    }

    @Test
    void defaultsToLocalhost6379Db0WithoutPassword() {
        RedisSettings s = from(Map.of());
        assertThat(s).isEqualTo(new RedisSettings("localhost", 6379, 0, "", Secret.empty(), false));
        assertThat(s.hostPort()).isEqualTo("localhost:6379");
    }

    @Test
    void readsTheParts() {
        RedisSettings s = from(Map.of("REDIS_HOST", "redis.internal", "REDIS_PORT", "6380", "REDIS_DB", "2", "REDIS_PASSWORD", "hunter2"));
        assertThat(s).isEqualTo(new RedisSettings("redis.internal", 6380, 2, "", Secret.of("hunter2"), false));
        assertThat(s.toString()).isEqualTo("redis://***@redis.internal:6380/2").doesNotContain("hunter2");
    }

    @Test
    void badPartsAreRejectedNamingTheVariable() {
        assertThatThrownBy(() -> from(Map.of("REDIS_PORT", "0")))
                .hasMessage("Invalid configuration: REDIS_PORT='0' (expected integer 1..65535)");
        assertThatThrownBy(() -> from(Map.of("REDIS_DB", "-1")))
                .hasMessage("Invalid configuration: REDIS_DB='-1' (expected integer >= 0)");
    }

    @Test
    void urlOverridesTheParts() {
        RedisSettings s = from(Map.of("REDIS_URL", "rediss://app:s%40cret@cache.example:7000/3", "REDIS_HOST", "ignored", "REDIS_PORT", "bad"));
        assertThat(s).isEqualTo(new RedisSettings("cache.example", 7000, 3, "app", Secret.of("s@cret"), true));
        assertThat(s.toString()).isEqualTo("rediss://***@cache.example:7000/3");
    }

    @Test
    void urlUserInfoWithoutColonIsThePasswordAsLettuceReadsIt() {
        assertThat(from(Map.of("REDIS_URL", "redis://hunter2@h")).password().reveal()).isEqualTo("hunter2");
        assertThat(from(Map.of("REDIS_URL", "redis://:hunter2@h")).password().reveal()).isEqualTo("hunter2");
    }

    @Test
    void urlWithoutPasswordTakesRedisPassword() {
        RedisSettings s = from(Map.of("REDIS_URL", "redis://h:1/", "REDIS_PASSWORD", "pw"));
        assertThat(s).isEqualTo(new RedisSettings("h", 1, 0, "", Secret.of("pw"), false));
    }

    @Test
    void urlAcceptsIpv6AndDefaultsPortAndDb() {
        assertThat(from(Map.of("REDIS_URL", "redis://[::1]:6390"))).isEqualTo(new RedisSettings("::1", 6390, 0, "", Secret.empty(), false));
        assertThat(from(Map.of("REDIS_URL", "REDIS://localhost"))).isEqualTo(new RedisSettings("localhost", 6379, 0, "", Secret.empty(), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://localhost:6379", "localhost:6379", "redis://", "redis://h:port", "redis://h:0", "redis://h:70000",
        "redis://h/x", "redis://h/-1", "redis://h?timeout=5", "redis://[::1", "redis://h:6379/0/1"})
    void badUrlsAreRejectedShowingTheUrl(String url) {
        assertThatThrownBy(() -> from(Map.of("REDIS_URL", url)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid configuration: REDIS_URL='" + url + "' (expected redis[s]://[[user:]pass@]host[:port][/db])");
    }

    @Test
    void aBadUrlNeverShowsItsPassword() {
        assertThatThrownBy(() -> from(Map.of("REDIS_URL", "redis://app:hunter2@h:notaport")))
                .hasMessage("Invalid configuration: REDIS_URL='redis://app:***@h:notaport' (expected redis[s]://[[user:]pass@]host[:port][/db])");
        assertThatThrownBy(() -> from(Map.of("REDIS_URL", "redis://hunter2@h:notaport")))
                .hasMessageContaining("'redis://***@h:notaport'").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> from(Map.of("REDIS_URL", "hunter2@h")))
                .hasMessageContaining("'***@h'").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> from(Map.of("REDIS_URL", "redis://u:p%zz@h")))
                .hasMessageContaining("'redis://u:***@h'");
    }

    @Test
    void aPercentEncodedUserAndPasswordAreDecodedExactly() {
        RedisSettings s = new RedisSettings("cache.example", 7000, 3, "app", Secret.of("p@ss:w/rd +%"), true);
        assertThat(RedisSettings.parseUrl("rediss://app:p%40ss%3Aw%2Frd%20%2B%25@cache.example:7000/3")).isEqualTo(s);
    }
}
