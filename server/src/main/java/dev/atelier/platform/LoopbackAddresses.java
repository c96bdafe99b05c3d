package dev.atelier.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Whether an address to listen on is the machine's own loopback, and nothing wider. */
public final class LoopbackAddresses {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private LoopbackAddresses() {}

  /** True for {@code localhost}, 127.0.0.0/8 and ::1 (bracketed or not); false for names. */
  public static boolean isLoopback(String address) {
    String bare =
        address.startsWith("[") && address.endsWith("]")
            ? address.substring(1, address.length() - 1)
            : address;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // Only literal addresses are judged; a name is never looked up in DNS.
      return (IPV4.matcher(bare).matches() || bare.contains(":"))
          && InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
