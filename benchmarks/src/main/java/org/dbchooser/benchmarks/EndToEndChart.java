package org.dbchooser.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * The chart of the end-to-end comparison, drawn from the results file: for each peer,
 * its reads/s and its mixed operations/s (bars: median of the rounds; dots: each round),
 * each labelled with its ratio to (a), plain Hibernate.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.dbchooser.benchmarks.EndToEndChart \
 *      benchmarks/target/end-to-end.tsv benchmarks/end-to-end.png
 * </pre>
 */
public final class EndToEndChart {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final int LEFT = 100;
    private static final int RIGHT = 30;
    private static final int TOP = 90;
    private static final int BOTTOM = 150;
    private static final Color[] WORKLOAD_COLOURS = {new Color(0x3b6fb6), new Color(0xe08a2c)};

    private EndToEndChart() {
    }

    public static void main(String[] args) throws IOException {
        draw(Report.read(Path.of(args[0])), Path.of(args[1]));
    }

    static void draw(List<ResultRow> rows, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            drawChart(g, rows);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void drawChart(Graphics2D g, List<ResultRow> rows) {
        Map<String, String> peers = Report.peers(rows);
        Workload[] workloads = Workload.values();
        double highest = rows.stream().mapToDouble(ResultRow::callsPerSecond).max().orElse(1) * 1.1;
        double step = gridStep(highest);
        int gridLines = (int) Math.ceil(highest / step);
        double top = gridLines * step;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("End to end: the same primary-key read and update, each a unit of work, through each peer", LEFT, 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString("Bars: median of the rounds; dots: each round; label: ratio to (a) plain Hibernate, median of the "
                + "rounds' ratios. Master, standby and client on the same 2 cores.", LEFT, 56);
        for (int w = 0; w < workloads.length; w++) {
            int x = LEFT + w * 220;
            g.setColor(WORKLOAD_COLOURS[w]);
            g.fillRect(x, 68, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(workloads[w] == Workload.READS ? "reads/s" : "operations/s, 90 % reads / 10 % writes", x + 20, 80);
        }

        // axis and grid
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i <= gridLines; i++) {
            double value = step * i;
            int y = TOP + plotHeight - (int) Math.round(plotHeight * value / top);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.BLACK);
            String label = String.format(Locale.ROOT, "%,.0f", value);
            g.drawString(label, LEFT - 8 - metrics.stringWidth(label), y + 5);
        }
        g.drawLine(LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight);

        int groupWidth = plotWidth / Math.max(1, peers.size());
        int barWidth = groupWidth * 3 / 10;
        int group = 0;
        for (Map.Entry<String, String> peer : peers.entrySet()) {
            int groupLeft = LEFT + group * groupWidth;
            for (int w = 0; w < workloads.length; w++) {
                double median = ResultRow.medianRate(rows, workloads[w], peer.getKey());
                if (Double.isNaN(median)) {
                    continue;
                }
                int x = groupLeft + groupWidth / 2 - barWidth + w * barWidth;
                int height = (int) Math.round(plotHeight * median / top);
                g.setColor(WORKLOAD_COLOURS[w]);
                g.fillRect(x + 2, TOP + plotHeight - height, barWidth - 4, height);
                g.setColor(Color.BLACK);
                int labelBottom = TOP + plotHeight - height;
                for (ResultRow row : rows) {
                    if (row.workload() == workloads[w] && row.peer().equals(peer.getKey())) {
                        int y = TOP + plotHeight - (int) Math.round(plotHeight * row.callsPerSecond() / top);
                        g.fillOval(x + barWidth / 2 - 3, y - 3, 7, 7);
                        labelBottom = Math.min(labelBottom, y - 3);
                    }
                }
                double ratio = ResultRow.medianRatio(rows, workloads[w], peer.getKey());
                String label = Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f×", ratio);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                int labelWidth = g.getFontMetrics().stringWidth(label);
                g.drawString(label, x + (barWidth - labelWidth) / 2, labelBottom - 6);
            }
            drawPeerLabel(g, "(" + peer.getKey() + ") " + peer.getValue(), groupLeft, groupWidth,
                    TOP + plotHeight + 22);
            group++;
        }
        if (peers.containsKey(ResultRow.BASELINE)) {
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            for (int w = 0; w < workloads.length; w++) {
                double baseline = ResultRow.medianRate(rows, workloads[w], ResultRow.BASELINE);
                int y = TOP + plotHeight - (int) Math.round(plotHeight * baseline / top);
                g.setColor(WORKLOAD_COLOURS[w].darker());
                g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            }
        }
    }

    /** The peer's name under its group, broken into lines that fit. */
    private static void drawPeerLabel(Graphics2D g, String text, int left, int width, int baseline) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics metrics = g.getFontMetrics();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && metrics.stringWidth(line + " " + word) > width - 10) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        g.setColor(Color.BLACK);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), left + (width - metrics.stringWidth(lines.get(i))) / 2,
                    baseline + i * (metrics.getHeight() + 1));
        }
    }

    /** A grid step of 1, 2, 2.5 or 5 times a power of ten that cuts {@code value} into about five. */
    private static double gridStep(double value) {
        double rough = value / 5;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double step : new double[] {1, 2, 2.5, 5}) {
            if (step * power >= rough) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
