package dev.storefrontsession.sandbox.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The header check alone (the HTTP behaviour is covered by the HTTP tests). */
class StorefrontTokenFilterUnitTest {

  final StorefrontTokenFilter filter = new StorefrontTokenFilter("a.b.c");

  @Test
  void checkWhenHeaderVariantsThenMessages() {
    assertThat(filter.check("Bearer a.b.c")).isNull();
    assertThat(filter.check("bearer   a.b.c  ")).isNull();
    assertThat(filter.check(null)).isEqualTo(StorefrontTokenFilter.MISSING);
    assertThat(filter.check("Bearer ")).isEqualTo(StorefrontTokenFilter.MISSING);
    assertThat(filter.check("Token a.b.c")).isEqualTo(StorefrontTokenFilter.MISSING);
    assertThat(filter.check("Bearer abc")).isEqualTo(StorefrontTokenFilter.NOT_A_JWT);
    assertThat(filter.check("Bearer a.b.d")).isEqualTo(StorefrontTokenFilter.BAD_SIGNATURE);
  }
}
