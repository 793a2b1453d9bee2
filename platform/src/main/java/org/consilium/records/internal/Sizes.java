package org.consilium.records.internal;

/** Byte counts as people read them (binary units). */
public final class Sizes {

	private Sizes() {
	}

	public static String format(long bytes) {
		String[] units = { "bytes", "KiB", "MiB", "GiB", "TiB" };
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return (unit == 0) ? bytes + " bytes"
				: (value == Math.rint(value)) ? String.format("%d %s", (long) value, units[unit])
						: String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
	}

}
