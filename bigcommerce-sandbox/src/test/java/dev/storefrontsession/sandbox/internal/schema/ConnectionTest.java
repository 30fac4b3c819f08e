package dev.storefrontsession.sandbox.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectionTest {

  static final List<Integer> ITEMS = IntStream.range(0, 25).boxed().toList();

  private static List<Integer> nodes(Connection<Integer> c) {
    return c.edges().stream().map(Connection.Edge::node).toList();
  }

  @Test
  void ofWhenNoArgumentsThenFirstTenAndHasNext() {
    Connection<Integer> c = Connection.of(ITEMS, null, null, null, null);
    assertThat(nodes(c)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(c.pageInfo().hasNextPage()).isTrue();
    assertThat(c.pageInfo().hasPreviousPage()).isFalse();
    assertThat(c.collectionInfo().totalItems()).isEqualTo(25);
  }

  @Test
  void ofWhenAfterCursorThenContinuesAfterIt() {
    Connection<Integer> page1 = Connection.of(ITEMS, 10, null, null, null);
    Connection<Integer> page2 = Connection.of(ITEMS, 10, page1.pageInfo().endCursor(), null, null);
    assertThat(nodes(page2)).startsWith(10).hasSize(10);
    assertThat(page2.pageInfo().hasPreviousPage()).isTrue();
    Connection<Integer> page3 = Connection.of(ITEMS, 10, page2.pageInfo().endCursor(), null, null);
    assertThat(nodes(page3)).containsExactly(20, 21, 22, 23, 24);
    assertThat(page3.pageInfo().hasNextPage()).isFalse();
  }

  @Test
  void ofWhenLastAndBeforeThenPagesBackwards() {
    Connection<Integer> tail = Connection.of(ITEMS, null, null, 3, null);
    assertThat(nodes(tail)).containsExactly(22, 23, 24);
    Connection<Integer> before = Connection.of(ITEMS, null, null, 3, tail.pageInfo().startCursor());
    assertThat(nodes(before)).containsExactly(19, 20, 21);
    assertThat(before.pageInfo().hasNextPage()).isTrue();
  }

  @Test
  void ofWhenFirstAboveLimitThenCappedAt50() {
    List<Integer> many = IntStream.range(0, 80).boxed().toList();
    assertThat(Connection.of(many, 500, null, null, null).edges())
        .hasSize(Connection.MAX_PAGE_SIZE);
  }

  @Test
  void ofWhenEmptyThenNoCursors() {
    Connection<Integer> c = Connection.of(List.of(), 5, null, null, null);
    assertThat(c.edges()).isEmpty();
    assertThat(c.pageInfo().startCursor()).isNull();
    assertThat(c.pageInfo().endCursor()).isNull();
  }

  @Test
  void ofWhenCursorForeignOrNegativeFirstThenRejected() {
    assertThatThrownBy(() -> Connection.of(ITEMS, 5, "garbage!", null, null))
        .isInstanceOf(Connection.InvalidCursorException.class);
    assertThatThrownBy(() -> Connection.of(ITEMS, -1, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
