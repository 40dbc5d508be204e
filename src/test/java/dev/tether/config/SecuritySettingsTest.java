package dev.tether.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tether.ConfigKeys;

/** The security settings' defaults and how a wrong value is reported. */
class SecuritySettingsTest {

    private static TetherSettings read(Map<String, String> values) {
        return TetherSettings.read(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaultsRotateOnLoginLimitSizesAndInstallNoMechanism() {
        TetherSettings settings = read(Map.of());

        assertThat(settings.rotateOnLogin()).isTrue();
        assertThat(settings.sizeLimits()).isEqualTo(new SizeLimits(256 * 1024, 1024 * 1024));
        assertThat(settings.authenticationMechanism()).isFalse();
    }

    @Test
    void sizesAcceptBytesKilobytesAndMegabytes() {
        TetherSettings settings = read(Map.of(ConfigKeys.MAX_BEAN_BYTES, "1000", ConfigKeys.MAX_SESSION_BYTES, "2 MB"));

        assertThat(settings.sizeLimits()).isEqualTo(new SizeLimits(1000, 2 * 1024 * 1024));
    }

    @Test
    void aBeanLimitAboveTheDefaultSessionLimitRaisesTheSessionLimitWithIt() {
        TetherSettings settings = read(Map.of(ConfigKeys.MAX_BEAN_BYTES, "4MB"));

        assertThat(settings.sizeLimits().maxSessionBytes()).isEqualTo(4 * 1024 * 1024);
    }

    @Test
    void aSizeThatIsNotOneNamesTheKey() {
        assertThatThrownBy(() -> read(Map.of(ConfigKeys.MAX_BEAN_BYTES, "lots")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(ConfigKeys.MAX_BEAN_BYTES);
    }

    @Test
    void aSessionLimitBelowTheBeanLimitIsRefused() {
        assertThatThrownBy(() -> read(Map.of(ConfigKeys.MAX_BEAN_BYTES, "2MB", ConfigKeys.MAX_SESSION_BYTES, "1MB")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(ConfigKeys.MAX_SESSION_BYTES);
    }

    @Test
    void sameSiteNoneWithoutSecureIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of(ConfigKeys.COOKIE_SAME_SITE, "None")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(ConfigKeys.COOKIE_SAME_SITE)
                .hasMessageContaining(ConfigKeys.COOKIE_SECURE + "=true");
    }

    @Test
    void sameSiteNoneWithSecureIsAccepted() {
        TetherSettings settings = read(Map.of(ConfigKeys.COOKIE_SAME_SITE, "None", ConfigKeys.COOKIE_SECURE, "true"));

        assertThat(settings.cookie().sameSite()).hasValue("None");
    }

    @Test
    void aHostPrefixedNameWithoutPathSlashSecureAndNoDomainIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of(ConfigKeys.COOKIE_NAME, "__Host-SID", ConfigKeys.COOKIE_SECURE, "true")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(ConfigKeys.COOKIE_NAME)
                .hasMessageContaining(ConfigKeys.COOKIE_PATH + "=/");
        assertThatThrownBy(() -> read(Map.of(ConfigKeys.COOKIE_NAME, "__Host-SID", ConfigKeys.COOKIE_PATH, "/")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(ConfigKeys.COOKIE_SECURE + "=true");
    }

    @Test
    void aHostPrefixedNameWithItsAttributesIsAccepted() {
        TetherSettings settings = read(Map.of(ConfigKeys.COOKIE_NAME, "__Host-SID", ConfigKeys.COOKIE_PATH, "/",
                ConfigKeys.COOKIE_SECURE, "true"));

        assertThat(settings.cookie().name()).isEqualTo("__Host-SID");
    }
}
