package dev.atelier.codeintel.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.internal.index.PackedReferences.StoredReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedReferencesTest {

  @Test
  void unpacksWhatItPacksInOrdinalOrder() {
    List<StoredReference> refs =
        List.of(
            new StoredReference("connect", RefKind.CALL, null, 12, 4, 11, 3),
            new StoredReference("List", RefKind.TYPE, "java.util", 1, 0, 4, -1),
            new StoredReference("Base", RefKind.INHERIT, "pkg.sub", 100_000, 17, 21, 0));

    assertThat(PackedReferences.unpack(PackedReferences.pack(refs))).isEqualTo(refs);
  }

  @Test
  void keepsABlankQualifierApartFromNone() {
    List<StoredReference> unpacked =
        PackedReferences.unpack(
            PackedReferences.pack(
                List.of(
                    new StoredReference("self_call", RefKind.CALL, "", 1, 0, 9, -1),
                    new StoredReference("bare", RefKind.CALL, null, 2, 0, 4, -1))));

    assertThat(unpacked.get(0).qualifier()).isNotNull().isBlank();
    assertThat(unpacked.get(1).qualifier()).isNull();
  }

  @Test
  void separatorsInsideATextBecomeSpacesSoTheyCannotShiftFields() {
    List<StoredReference> unpacked =
        PackedReferences.unpack(
            PackedReferences.pack(
                List.of(new StoredReference("odd\tname", RefKind.CALL, "a\nb", 3, 1, 2, 0))));

    assertThat(unpacked)
        .containsExactly(new StoredReference("odd name", RefKind.CALL, "a b", 3, 1, 2, 0));
  }

  @Test
  void noReferencesIsAnEmptyText() {
    assertThat(PackedReferences.pack(List.of())).isEmpty();
    assertThat(PackedReferences.unpack("")).isEmpty();
    assertThat(PackedReferences.unpack(null)).isEmpty();
  }

  @Test
  void aCorruptNumberIsAnErrorNotAWrongLine() {
    assertThatThrownBy(() -> PackedReferences.unpack("name\tcall\t\tx1\t0\t4\t"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("corrupt packed references");
  }
}
