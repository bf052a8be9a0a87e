package io.quantumgates.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LuaScriptTest {
    @Test
    void shaIsTheSha1OfTheSourceAsRedisComputesIt() {
        // redis-cli SCRIPT LOAD "return 1" answers this digest
        assertThat(LuaScript.of("one", "return 1").sha()).isEqualTo("e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
    }

    @Test
    void scriptIsReadFromTheClasspath() {
        LuaScript script = LuaScript.fromResource("/io/quantumgates/common/redis/incr.lua");
        assertThat(script.sha()).isEqualTo(LuaScript.of("x", "return redis.call('INCR', KEYS[1])\n").sha());
    }

    @Test
    void missingResourceFailsNamingIt() {
        assertThatThrownBy(() -> LuaScript.fromResource("/nope/missing.lua"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nope/missing.lua");
    }
}
