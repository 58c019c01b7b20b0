/// The text of `.help`: the language in brief and every metric's definition.
enum HelpText {
  static let text = """
    Queries
      csat                                    overall CSAT
      csat, nps by rep where product = "X" since 30d
      nps by month since 1y                   every month listed, empty ones with n = 0
                                              (not before the first response's year)
      list rep, nps, comment where nps <= 6 and not followed_up since 7d limit 20

      metric, ... [by field|day|week|month|quarter|year, ...] [where condition]
        [since 30d|12w|6mo|1y|2024-01-01 | between DATE and DATE | during 2024|2024-Q3|2024-05
         | this|last week|month|quarter|year] [vs previous|last year|rest]
        [having condition] [order by column [desc]] [top N | bottom N] [limit N]
      by bucket(field, 15, 60, 240): ranges <15, 15–60, 60–240, ≥240 of a number field, each
        with its lower boundary; every range listed, blanks last; boundaries must increase.
      list ..., age: age is the whole days since each response (order by age desc: oldest
        first), e.g. list rep, nps, age where nps <= 6 and not followed_up order by age desc
      top N, bottom N: the N rows with the highest, lowest first metric; after 'order by',
        the first, last N rows of that order. 'order by' a grouping follows its order
        (months, ranges, numbers in order; text alphabetically), blanks last.
      having compares a number column with a number and a text column with "text".
      Names with spaces go in back-quotes: `Ticket Channel`. Strings in double quotes.
      In 'where' a name is a field (nps reads the NPS column); in the metric list, a metric.
      Conditions: = != < <= > >=, in (...), not in (...), contains "x", starts with "x"
      (both ignore case; "" is in every non-blank text), is missing, is not missing, and,
      or, not, ( ).
      A test on a blank answer is false (only 'is missing' is true for it).
      In scripts a statement goes on over a line that starts with by, where, since, ...

    Metrics (n is always the respondents behind the figure; blanks are not respondents)
      csat        % of respondents with a satisfied score: the top two points of the scale
                  (4–5 on 1–5); '.set satisfied >= N' changes the threshold
      dsat        % at the bottom two points of the scale (1–2 on 1–5)
      nps         % promoters (9–10) − % detractors (0–6), on a 0–10 scale, from −100 to 100
      promoters   % scoring 9–10;  passives: % scoring 7–8;  detractors: % scoring 0–6
      followup    % of negative responses followed up: NPS detractors (0–6), or without an
                  NPS column CSAT at the bottom two points; n = those with a non-blank
                  follow-up flag; Wilson interval; followup(field) names the flag
      avg(field)  mean of a number field's answers
      median(field), p90(field)  any percentile p1 to p99 of a number or score field, blanks
                  left out: with n sorted answers x0 ≤ … ≤ x(n−1), h = (n − 1)·p/100 and the
                  figure is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋) (Excel PERCENTILE.INC, numpy's
                  default); no interval; vs previous and vs last year give the change,
                  vs rest the percentile of the other groups' answers together
      distribution(csat)  % of respondents at each point of the score scale the load
                  summary shows (nps: 0–10), in columns csat_1 … csat_5 or nps_0 … nps_10
                  (an alias renames them: distribution(csat) as s → s_1 …); not with vs,
                  check, chart, targets, or first before top/bottom without order by
      count       rows matching the query
      csat(`Column`), nps(`Column`) name the score column explicitly.
      Scale: the smallest of 1–5, 0–5, 1–7, 1–10, 0–10 holding all but ≤ 0.5% of the
      answers; the few outside are left out (not respondents) with a warning.
      A group with n = 0 shows n/a. Figures are rounded once, to one decimal, halves away
      from zero; an average, percentile or change a hair (2e-13 of it) below a half
      (67.1 − 9.35 is 57.7499… in binary) counts as the half: 57.8.

    Intervals, low n and comparisons (z = 1.644854, 1.959964, 2.575829 at 90, 95, 99 %)
      shares      Wilson score interval, p = x/n: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²))
                  / (1 + z²/n); shown as 81.2 ±1.4 or 81.2 [79.8, 82.5]; columns
                  <metric>_low, <metric>_high in csv, json and markdown
      nps         Var = (p + d − (p − d)²) / n for promoter and detractor shares p, d;
                  NPS ± z·√Var·100, clipped to [−100, 100]
      avg, count  no interval
      low n       n < 30 ('.set min_n N'): '*' after the figure; low_n (one metric) or
                  <metric>_low_n (several) in csv, json and markdown
      vs previous the window of the same length (or the period) just before; vs last year:
                  the same window a year earlier, as long (they may overlap); both need
                  a window. vs rest: each group
                  against all other responses. Columns n_previous, <metric>_previous,
                  <metric>_change (points), <metric>_significant (n_rest, <metric>_rest)
      by month    with a calendar unit in 'by': each bucket against the one before (vs
                  previous) or the same month, quarter, year, ISO week number or date a
                  year earlier (vs last year), over the same stretch of it
      tests       shares: pooled two-proportion z = (p1 − p2) / √(p(1−p)(1/n1 + 1/n2));
                  nps: z = (nps1 − nps2) / √(s1²/n1 + s2²/n2), s² = p + d − (p − d)²;
                  significant when |z| > z of the confidence level

    Explaining a change
      explain change in METRIC by field, ... [where ...] WINDOW vs previous|last year
                  e.g. explain change in csat by channel since 7d vs previous; METRIC is a
                  share (csat, dsat, promoters, passives, detractors, followup) or nps
      per segment n_previous, n, share_previous, share (% of the window's respondents),
                  <metric>_previous, <metric>, rate_effect = (r1 − r0)(s0 + s1)/2,
                  mix_effect = (s1 − s0)(r0 + r1)/2, change = their sum, in points; a last
                  row 'total' whose effects add up to the total change
      one window  a segment with no respondents in one window takes there its rate in the
                  other: rate_effect 0, its whole contribution is mix_effect
      rounding    csv, json: four decimals, terminal: one; shares and effects rounded so
                  that, as shown, they add up (largest remainder, each within one
                  last-decimal unit); rate_effect + mix_effect = change exactly in 'total';
                  a segment's change is rounded to the nearest unit on its own

    Repeat answers (a customer who answered several times)
      .set repeats all      every response counts (the default)
      .set repeats first    each customer's earliest response counts; latest: the newest
      .set customer FIELD   the text field naming the customer; found by names such as
                            customer_id, customer, client, email, contact ('.set customer
                            auto' finds it again)
      After the query's where and window, each customer keeps one of its selected
      responses (answered or not), by the time column; at equal times the earlier row in
      the file for first, the later for latest; a response without a time loses to one with
      a time. A blank customer is a customer of its own. vs previous and vs last year
      collapse each window on its own, as explain change does; vs rest, list, targets,
      check and chart follow the same rule (coverage counts every response). Results say
      'repeats: each customer's first response (FIELD)'.

    Targets and checks
      targets [where ...] [window]    each target: value, n, met (✓/✗), gap in points
                  (figure − target, the other way for dsat and detractors); NPS band
      check METRIC >= N [where ...] [window]    ok: ... or failed: ...; a failed check makes
                  a script, -e or piped run exit with 3 after everything has run
      defaults    csat 80; csat 90 where the interaction-type column contains "support"
      met         csat, nps, promoters at or above the target; dsat, detractors at or below;
                  exactly at the target is met; compared before rounding
      reach       a target or check number no figure can reach is an error: shares 0 to
                  100, nps −100 to 100
      NPS bands   below 0 poor, 0 up to 30 fair, 30 to 70 good (both included), above 70
                  excellent
      columns     <metric>_target, <metric>_met for a target without a condition (targets
                  with a condition show in 'targets' only); nps_band; ✓/✗ on a terminal

    Trends, charts and coverage
      sparklines  on a terminal, a table grouped by day, week, month, ... ends with a
                  sparkline per group of the first metric (▁ lowest … █ highest, blank for a
                  bucket with n = 0), first → last figures, the target's level and • under
                  each bucket below the target; only the latest buckets when too many
      chart QUERY chart csat by rep since 90d: a bar per row (figure, n=, * for low n, │ at
                  the target); chart nps by month: a line over the buckets, 8 rows high, ┄
                  at the target; sized to the terminal (80 columns when not one); the first
                  metric only; in csv, json and markdown: the query's table
      coverage by FIELD [where ...] [window] [per week|month]
                  per segment (every value the field has anywhere): n in the window up to
                  now, mean per period (per_month by default), one column per period when
                  at most 6, last_response (at or before the window's end or now, whichever
                  is first), days_since (to now's day), none_in_window, none_in_latest (the
                  latest period); nothing after now is counted; no window: from the first
                  response to now; a window starting after now has nothing to count

    Meta-commands
      .help                 this text
      .fields               fields with type, role, distinct values and missing answers
      .values FIELD [N]     the N most frequent values of a field, with counts
      .load FILE...         load CSV files (several with one header are appended) or a
                            snapshot made by .save
      .save FILE.csatdb     save the loaded data in csat's binary form (opens much faster)
      .read FILE            run a script of statements
      .format table|csv|json|markdown
      .target               list targets; .target csat 85 [where ...], .target csat off
                            [where ...], .target reset
      .set                  list settings; .set now latest|clock|2026-11-30T12:00,
                            .set tz Europe/Paris, .set satisfied >= 4,
                            .set confidence 90|95|99, .set min_n 30,
                            .set csat|nps|time|followup FIELD, .set date_format mdy|dmy,
                            .set repeats first|latest|all, .set customer FIELD
                            (tz and date_format read loaded CSV files again)
      .timer on|off         print each statement's run time on stderr
      .quit                 leave (Ctrl-D too)

    """
}
