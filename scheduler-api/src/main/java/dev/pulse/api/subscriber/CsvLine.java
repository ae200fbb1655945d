package dev.pulse.api.subscriber;

import java.util.ArrayList;
import java.util.List;

/** One line of RFC 4180 CSV: comma-separated cells, double quotes around cells that need them. */
final class CsvLine {

    private CsvLine() {
    }

    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        if (line.isBlank()) {
            return cells;
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
