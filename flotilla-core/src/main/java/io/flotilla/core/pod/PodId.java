package io.flotilla.core.pod;

import java.util.Objects;

/** A pod's identity, printed "namespace/name". Ordered naturally, so web-2 comes before web-10. */
public record PodId(String namespace, String name) implements Comparable<PodId> {
  public PodId {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public int compareTo(PodId o) {
    int c = natural(namespace, o.namespace);
    return c != 0 ? c : natural(name, o.name);
  }

  /** Compares runs of digits by value and everything else by character. */
  static int natural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int ei = i;
        int ej = j;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        // Leading zeros do not count (one digit stays); then the longer run is the larger value,
        // and runs of equal length compare digit by digit.
        int si = i;
        while (si < ei - 1 && a.charAt(si) == '0') {
          si++;
        }
        int sj = j;
        while (sj < ej - 1 && b.charAt(sj) == '0') {
          sj++;
        }
        int c = Integer.compare(ei - si, ej - sj);
        for (int k = 0; c == 0 && k < ei - si; k++) {
          c = Character.compare(a.charAt(si + k), b.charAt(sj + k));
        }
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
