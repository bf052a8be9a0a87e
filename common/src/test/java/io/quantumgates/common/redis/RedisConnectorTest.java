package io.quantumgates.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import io.quantumgates.common.config.RedisSettings;
import io.quantumgates.common.config.Secret;
import org.junit.jupiter.api.Test;

/** Lettuce gets the settings, credentials included, from the record's fields, never from a rendered URI string. */
class RedisConnectorTest {
    @Test
    void lettuceGetsTheRealUserAndPassword() {
        RedisSettings s = new RedisSettings("cache.example", 7000, 3, "app", Secret.of("p@ss:w/rd +%"), true);
        RedisURI uri = RedisConnector.uri(s);
        assertThat(uri.getHost()).isEqualTo("cache.example");
        assertThat(uri.getPort()).isEqualTo(7000);
        assertThat(uri.getDatabase()).isEqualTo(3);
        assertThat(uri.isSsl()).isTrue();
        RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
        assertThat(credentials.getUsername()).isEqualTo("app");
        assertThat(new String(credentials.getPassword())).isEqualTo("p@ss:w/rd +%");
    }

    @Test
    void aPasswordWithoutUserAuthenticatesWithThePasswordOnly() {
        RedisURI uri = RedisConnector.uri(new RedisSettings("h", 6379, 0, "", Secret.of("pw"), false));
        RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
        assertThat(credentials.hasUsername()).isFalse();
        assertThat(new String(credentials.getPassword())).isEqualTo("pw");
    }

    @Test
    void noPasswordMeansNoCredentials() {
        RedisURI uri = RedisConnector.uri(new RedisSettings("h", 6379, 0, "", Secret.empty(), false));
        RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
        assertThat(credentials.hasPassword()).isFalse();
    }
}
