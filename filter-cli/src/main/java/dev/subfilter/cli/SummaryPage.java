package dev.subfilter.cli;

import dev.subfilter.Funnel;
import java.util.Locale;
import java.util.Set;

/**
 * {@code explain --summary --html}: the funnels as one self-contained HTML page. No script and no
 * external resource; the Content-Security-Policy forbids fetching anything, so the page shows the
 * same offline, in a mail attachment or a CI artifact. Each subscription is a block of bars, every
 * bar scaled to the events that passed its gate: matched (green), then per filter and group the
 * events it rejected (red) and those it alone rejected, near misses (amber).
 */
final class SummaryPage {
  private SummaryPage() {}

  private static final String STYLE = """
      body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1b1f24; background: #fff; }
      h1 { font-size: 20px; margin: 0 0 4px; }
      h2 { font-size: 16px; margin: 0 0 6px; }
      .gate { font-weight: normal; color: #57606a; font-family: ui-monospace, monospace; font-size: 13px; }
      .tag { font-weight: normal; font-size: 12px; background: #ddf4ff; color: #0969da; padding: 1px 6px; border-radius: 8px; }
      section { border: 1px solid #d0d7de; border-radius: 6px; padding: 12px 16px; margin: 12px 0; max-width: 1100px; }
      .row { display: grid; grid-template-columns: 420px 1fr 90px; gap: 10px; align-items: center; margin: 3px 0; }
      .label { font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
      .track { background: #eaeef2; height: 14px; border-radius: 3px; position: relative; }
      .bar { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 3px; }
      .near { top: 4px; bottom: 4px; }
      .passed { background: #8c959f; } .matched { background: #1a7f37; }
      .rejected { background: #cf222e; } .near { background: #d4a72c; }
      .n { font-variant-numeric: tabular-nums; text-align: right; }
      .values { color: #57606a; font-size: 12px; margin: 0 0 4px 20px; }
      .none { color: #57606a; }
      .legend span { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; vertical-align: middle; }
      """;

  static String render(Funnel.Report report, Set<String> candidates) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>subfilter: rejection funnel</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>Rejection funnel</h1>\n<p id=\"totals\">").append(Summary.count(report.events(), "event")).append(" read; ")
        .append(Summary.count(report.subscriptions().size(), "subscription")).append("</p>\n")
        .append("<p class=\"legend\">Bars of each subscription are scaled to the events that passed its gate:")
        .append("<span class=\"matched\"></span>matched<span class=\"rejected\"></span>rejected by the filter")
        .append("<span class=\"near\"></span>rejected by it alone (near misses)</p>\n");
    for (Funnel.Entry e : report.subscriptions()) {
      entry(b, e, candidates.contains(e.id()));
    }
    return b.append("</body>\n</html>\n").toString();
  }

  private static void entry(StringBuilder b, Funnel.Entry e, boolean candidate) {
    b.append("<section class=\"subscription\">\n<h2>").append(esc(e.id()));
    if (candidate) {
      b.append(" <span class=\"tag\">candidate</span>");
    }
    b.append(" <span class=\"gate\">").append(esc(e.gate())).append("</span></h2>\n");
    long base = e.gatePassed();
    if (base == 0) {
      b.append("<p class=\"none\">No event passed its gate.</p>\n</section>\n");
      return;
    }
    row(b, "gate passed", "passed", base, base);
    row(b, "matched", "matched", e.matched(), base);
    for (Funnel.FilterRow r : e.filters()) {
      b.append("<div class=\"row\"><span class=\"label\">").append(esc(r.pointer() + "  " + r.description())).append("</span>")
          .append("<span class=\"track\">").append(bar("rejected", r.rejected(), base)).append(bar("near", r.nearMisses(), base))
          .append("</span><span class=\"n\">").append(r.rejected()).append(" / ").append(r.nearMisses()).append("</span></div>\n");
      if (!r.nearMissValues().isEmpty()) {
        b.append("<p class=\"values\">near-miss values: ").append(esc(Summary.values(r))).append("</p>\n");
      }
    }
    b.append("</section>\n");
  }

  private static void row(StringBuilder b, String label, String kind, long n, long base) {
    b.append("<div class=\"row\"><span class=\"label\">").append(label).append("</span><span class=\"track\">")
        .append(bar(kind, n, base)).append("</span><span class=\"n\">").append(n).append("</span></div>\n");
  }

  private static String bar(String kind, long n, long base) {
    double pct = base == 0 ? 0 : 100.0 * n / base;
    return "<span class=\"bar " + kind + "\" style=\"width:" + String.format(Locale.ROOT, "%.2f", pct) + "%\"></span>";
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
