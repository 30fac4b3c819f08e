package dev.storefrontsession.storefront.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionModeTest {

  @Test
  void isProductionWhenNeitherEnvNorProfileThenFalse() {
    assertThat(ProductionMode.isProduction(new StandardEnvironment())).isFalse();
  }

  @Test
  void isProductionWhenStorefrontEnvSaysSoInAnyCaseThenTrue() {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addFirst(new MapPropertySource("t", Map.of("STOREFRONT_ENV", " Production ")));
    assertThat(ProductionMode.isProduction(env)).isTrue();
  }

  @Test
  void isProductionWhenProductionProfileActiveThenTrue() {
    StandardEnvironment env = new StandardEnvironment();
    env.setActiveProfiles("production");
    assertThat(ProductionMode.isProduction(env)).isTrue();
  }

  @Test
  void isProductionWhenOtherEnvValueThenFalse() {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addFirst(new MapPropertySource("t", Map.of("STOREFRONT_ENV", "staging")));
    assertThat(ProductionMode.isProduction(env)).isFalse();
  }
}
