using System.Text.RegularExpressions;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Indicators;
using RoViec.Domain.Plans;
using RoViec.Domain.SixRo;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;
using RoViec.Domain.Units;
using RoViec.Import.Reading;

namespace RoViec.Import.Parsing;

/// <summary>
/// Turns a SourceDocument into a PlanDraft: document identity, tasks from tables, "Nhiệm vụ N:"
/// blocks and action bullets, indicators, units resolved against the catalogue, "6 rõ" defects.
/// Which parts of a document hold tasks is decided by its headings (see README.md of the importer).
/// </summary>
internal static partial class PlanExtractor
{
    public static PlanDraft Extract(SourceDocument document, ImportOptions options)
    {
        var items = Items(document);
        var lines = items.OfType<Line>().ToList();
        var info = DocumentInfoReader.Read(lines, options.DefaultYear);
        // The importer has no clock: a document whose heading names no year takes the caller's (the web application
        // and the CLI pass the year of their "today"), else the year its text names most ("Quý II/2026"); with none
        // of these its deadlines cannot be dated.
        var year = info.Year ?? options.DefaultYear ?? MostNamedYear(document.Text) ?? throw new ImportRefusal(new NoYear());

        var tasks = new List<TaskDraft>();
        var indicators = new List<IndicatorDraft>();
        var root = Section.Build(items);
        Walk(root, new Context(), tasks, indicators);

        var catalog = UnitCatalog.CreateDefault();
        var planTasks = tasks.Select(t => Finish(t, catalog, year)).ToList();
        var planIndicators = Deduplicate(indicators).Select(i => new Indicator
        {
            Section = i.Section,
            Name = i.Name,
            TargetRaw = i.TargetRaw,
            Target = i.Target,
            Owner = i.Owner,
            Span = i.Span,
            TargetSpan = i.TargetSpan,
        }).ToList();
        var used = planTasks.SelectMany(t => t.Lead.Concat(t.Support)).Select(u => u.Unit).Distinct().ToList();
        return new PlanDraft
        {
            Document = info,
            Tasks = planTasks,
            Indicators = planIndicators,
            Units = used,
            SourceText = document.Text,
        };
    }

    private static int? MostNamedYear(string text) =>
        AnyYearRegex().Matches(text).GroupBy(m => m.Value).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => (int?)int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();

    [GeneratedRegex(@"(?<!\d)20\d{2}(?!\d)")]
    private static partial Regex AnyYearRegex();

    /// <summary>Paragraphs as lines (wrapped lines joined) and tables; tables that hold neither tasks nor indicators are read as text.</summary>
    private static List<object> Items(SourceDocument document)
    {
        var items = new List<object>();
        var pending = new List<Line>();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case ParagraphBlock p:
                    Add(Line.From(p));
                    break;
                case TableBlock t when TableTasks.IsRecognised(t):
                    Flush();
                    items.Add(t);
                    break;
                case TableBlock t:
                    foreach (var row in t.Rows)
                        foreach (var cell in row)
                            Add(Line.From(new ParagraphBlock(cell.Text, cell.Span, false, false)));
                    break;
            }
        }
        Flush();
        return items;

        void Add(Line? line)
        {
            if (line is null) return;
            // Wrapped lines are gathered and joined once: a run of thousands of them stays linear.
            if (pending.Count > 0 && Line.ContinuesPrevious(pending[^1], line))
            {
                pending.Add(line);
                return;
            }
            Flush();
            pending.Add(line);
        }

        void Flush()
        {
            if (pending.Count == 0) return;
            items.Add(pending.Count == 1 ? pending[0] : Line.JoinAll(pending));
            pending.Clear();
        }
    }

    private sealed record Context
    {
        public bool TaskArea { get; init; }
        public bool IndicatorArea { get; init; }
        public bool Excluded { get; init; }
        public UnitPhrases.Assignment? Lead { get; init; }
        public SourceSpan LeadSpan { get; init; }
        /// <summary>A deadline an intro line gives the items below it ("…, hoàn thành trong Quý II/2026 các nội dung:").</summary>
        public string? DeadlineRaw { get; init; }
        public SourceSpan DeadlineSpan { get; init; }
    }

    private static void Walk(Section section, Context context, List<TaskDraft> tasks, List<IndicatorDraft> indicators)
    {
        var ctx = Enter(section, context);
        var hasBullets = section.Items.OfType<Line>().Any(l => l.IsBullet || Outline.IsEnumerator(l.Text));
        // The tasks of the current "Nhiệm vụ N:" / "a) Nhiệm vụ:" block: the field lines below it fill all of them.
        List<TaskDraft>? block = null;
        var expectingItems = false;
        var local = ctx;

        if (section.Heading is { } h && ctx.TaskArea && !ctx.Excluded && IsTaskSentence(section))
        {
            // A numbered item that is a whole task sentence ("1. Rà soát ..., hoàn thành trong Quý II"), alone or over its own
            // field lines ("Đơn vị thực hiện: …", "Thời gian hoàn thành: …"), which the loop below applies to it.
            var numbered = h.Style.StartsWith("decimal", StringComparison.Ordinal);
            var sentence = AddTextTask(h.Line.Slice(h.Line.Text.Length - h.Title.Length, h.Title.Length), section.Parent?.Path ?? section.Path, local, tasks, indicators,
                numbered ? TaskSource.Numbered : TaskSource.Bullet, numbered ? h.Number : null);
            if (section.Items.Count > 0) block = [sentence];
        }
        else if (section.Heading is { } target && section.Items.Count == 0 && section.Children.Count == 0 && ctx.IndicatorArea && !ctx.TaskArea
            && target.Title.Split(' ').Length >= 4)
        {
            // A numbered target under the goals ("1. 100% cán bộ, công chức xã sử dụng thành thạo ...").
            IndicatorFinder.FindInLine(target.Line.Slice(target.Line.Text.Length - target.Title.Length, target.Title.Length), section.Parent?.Path ?? section.Path, null, indicators);
        }

        foreach (var item in section.Items)
        {
            if (item is TableBlock table)
            {
                block = null;
                TableTasks.Extract(table, section.Path, tasks, indicators);
                continue;
            }
            var line = (Line)item;
            if (ctx.TaskArea && NumberedStartRegex().Match(line.Text) is { Success: true } start)
            {
                local = local with { Excluded = ctx.Excluded, DeadlineRaw = null };
                var numbered = StartNumbered(line, start, section, local);
                tasks.Add(numbered);
                block = [numbered];
                expectingItems = false;
                if (ctx.IndicatorArea) IndicatorFinder.FindInLine(line.Slice(start.Groups["body"].Index, start.Groups["body"].Length), section.Path, null, indicators);
                continue;
            }
            if (ctx.TaskArea && TaskListLabelRegex().IsMatch(line.Text))
            {
                // "a) Nhiệm vụ:" over "- " items: each item is a task sharing the block's fields.
                local = local with { Excluded = ctx.Excluded, DeadlineRaw = null };
                block = [];
                expectingItems = true;
                continue;
            }
            if (block is { Count: > 0 } && BlockAssignmentRegex().Match(line.Text) is { Success: true } assigned && AssignsUnits(assigned))
            {
                // "b) Phân công: X chủ trì; Y, Z phối hợp.", "b) Giao X chủ trì; phối hợp: Y, Z.": the block's units in a sentence.
                expectingItems = false;
                foreach (var task in block) ApplyAssignment(task, line, assigned);
                continue;
            }
            if (block is not null && expectingItems && (line.IsBullet || Outline.IsEnumerator(line.Text)) && !FieldRegex().IsMatch(line.Text))
            {
                var item2 = NewTextTask(line, section.Path, local, TaskSource.Numbered);
                item2.Code = section.Heading?.Number is { Length: > 0 } n ? n : null;
                if (InlineDeadline.InTrailingParentheses(line.Text) is { } own)
                {
                    item2.DeadlineRaw = line.Text.Substring(own.Start, own.Length);
                    item2.DeadlineSpan = line.SpanOf(own.Start, own.Length);
                    item2.OwnDeadline = true;
                }
                tasks.Add(item2);
                block.Add(item2);
                if (ctx.IndicatorArea) IndicatorFinder.FindInLine(line, section.Path, null, indicators);
                continue;
            }
            if (block is { Count: > 0 } && FieldRegex().Match(line.Text) is { Success: true } field && field.Groups["value"].Value.Trim().Length > 0)
            {
                expectingItems = false;
                foreach (var task in block) ApplyField(task, line, field);
                if (ctx.IndicatorArea && IsOutputLabel(field.Groups["label"].Value))
                    IndicatorFinder.FindInLine(line.Slice(field.Groups["value"].Index, field.Groups["value"].Length), section.Path, block[0].Lead.Count > 0 ? string.Join(", ", block[0].Lead) : null, indicators);
                continue;
            }
            block = null;
            expectingItems = false;
            if (ctx.IndicatorArea && !IsLegalBasis(line))
            {
                string? owner = null;
                if (ctx.TaskArea && !ctx.Excluded)
                {
                    var task = TryTextTask(line, section, hasBullets, ctx, ref local, tasks);
                    owner = task?.Lead.Count > 0 ? string.Join(", ", task.Lead) : null;
                }
                IndicatorFinder.FindInLine(line, section.Path, owner, indicators);
            }
        }
        foreach (var child in section.Children) Walk(child, local, tasks, indicators);
    }

    private static Context Enter(Section section, Context parent)
    {
        if (section.Heading is not { } heading) return parent;
        var folded = VietnameseText.Fold(heading.Title);
        // The outermost sections, whatever their numbering ("I.", "A.", "PHẦN I"), decide where tasks and targets are.
        if (heading.Style is "roman" || section.Depth == 1 && heading.Style is not "appendix")
        {
            var organise = OrganiseRegex().IsMatch(folded);
            return new Context
            {
                TaskArea = TaskAreaRegex().IsMatch(folded) && !organise,
                IndicatorArea = !organise && !PastResultsRegex().IsMatch(folded),
            };
        }
        if (heading.Style is "appendix") return new Context { IndicatorArea = true };
        // Documents without Roman numerals: a heading that starts with "Nhiệm vụ" / "Giải pháp" opens the task
        // part at its own level, one that starts with "Tổ chức thực hiện" closes it.
        if (OrganiseRegex().IsMatch(folded)) return parent with { TaskArea = false, IndicatorArea = false };
        if (!parent.TaskArea && TaskTitleRegex().IsMatch(folded)) parent = parent with { TaskArea = true, IndicatorArea = true, Excluded = false };
        var ctx = parent with
        {
            // A numbered task sentence that mentions targets ("6.3. Tổng hợp kết quả các chỉ tiêu …") is not a subsection of
            // them; one that opens with their label ("3.3. Nguồn lực tài chính: Ngân sách nhà nước") still is.
            Excluded = parent.Excluded || ExcludedRegex().IsMatch(folded) && !(parent.TaskArea && HoldsAssignedParagraphs(section))
                && !(IsTaskSentence(section) && !ExcludedAtStartRegex().IsMatch(folded)),
            // Figures of the year before ("Kết quả đạt được năm 2025") are results, not targets.
            IndicatorArea = parent.IndicatorArea && !PastResultsRegex().IsMatch(folded),
        };
        if (ctx.TaskArea && UnitPhrases.IsUnitTitle(heading.Title))
        {
            var assignment = UnitPhrases.ParseAssignment(heading.Title);
            if (assignment.Lead.Count > 0) ctx = ctx with { Lead = assignment, LeadSpan = heading.Line.Span };
        }
        return ctx;
    }

    /// <summary>
    /// A group of the task part whose numbered paragraphs are mostly handed to a unit ("6.1. … (Phòng Kinh tế chủ trì; hằng
    /// năm)", or a "Đơn vị thực hiện:" line below it) is work to do, whatever its title names ("Nguồn lực tài chính, theo dõi,
    /// đánh giá").
    /// </summary>
    private static bool HoldsAssignedParagraphs(Section section)
    {
        if (section.Children.Count < 2) return false;
        var assigned = section.Children.Count(c => c.Heading is { } h && c.Children.Count == 0
            && (ParenAssignmentRegex().IsMatch(h.Title) || c.Items.Exists(i => i is Line l && LeadFieldRegex().IsMatch(l.Text))));
        return assigned * 2 >= section.Children.Count;
    }

    private static TaskDraft? TryTextTask(Line line, Section section, bool sectionHasBullets, Context sectionContext, ref Context local, List<TaskDraft> tasks)
    {
        var text = line.Text;
        if (text.EndsWith(':'))
        {
            // "Văn phòng Đảng ủy chủ trì, phối hợp các cơ quan liên quan:" introduces the items below it;
            // an intro naming nobody ("Tập trung thực hiện các nội dung sau:") returns to the section's unit,
            // "Kết quả cần đạt:" starts a list of results, not tasks.
            // Only an intro that is itself a results/goals label ("Kết quả cần đạt:", "Một số chỉ tiêu chủ yếu:") opens a
            // list of targets; "Để hoàn thành các chỉ tiêu trên, UBND xã giao nhiệm vụ như sau:" introduces tasks.
            local = local with { Lead = sectionContext.Lead, LeadSpan = sectionContext.LeadSpan, DeadlineRaw = null, Excluded = sectionContext.Excluded || IsResultsLabel(text) };
            var intro = InlineAssignment(text.TrimEnd(':'));
            if (intro is null && UnitPhrases.StartsWithHead(text)) intro = UnitPhrases.ParseAssignment(text);
            if (intro is { Lead.Count: > 0 }) local = local with { Lead = intro, LeadSpan = line.Span };
            if (InlineDeadline.Find(text) is { } d) local = local with { DeadlineRaw = text.Substring(d.Start, d.Length), DeadlineSpan = line.SpanOf(d.Start, d.Length) };
            return null;
        }
        if (local.Excluded) return null;
        var isItem = line.IsBullet || Outline.IsEnumerator(text);
        if (!isItem)
        {
            // A plain paragraph is a task only where it is the whole content of a leaf subsection.
            if (section.Depth < 2 || section.Children.Count > 0 || sectionHasBullets) return null;
        }
        if (VietnameseText.Fold(text).Split(' ').Length < 4) return null;
        // "- 100% cán bộ xã sử dụng chữ ký số ..." states a target, not an action.
        if (TargetFirstRegex().IsMatch(text)) return null;
        var task = NewTextTask(line, section.Path, local, TaskSource.Bullet);
        tasks.Add(task);
        return task;
    }

    /// <summary>An intro line that is a label for results or goals: it starts with one, or is a short line naming one.</summary>
    internal static bool IsResultsLabel(string intro)
    {
        var folded = VietnameseText.Fold(intro.TrimEnd(':').TrimStart('-', '+', '*', ' '));
        if (ExcludedAtStartRegex().IsMatch(folded)) return true;
        return folded.Split(' ').Length <= 8 && ExcludedRegex().IsMatch(folded) && !TaskAreaRegex().IsMatch(folded);
    }

    private static TaskDraft AddTextTask(Line line, string path, Context local, List<TaskDraft> tasks, List<IndicatorDraft> indicators, TaskSource source, string? code)
    {
        var task = NewTextTask(line, path, local, source);
        task.Code = code;
        tasks.Add(task);
        IndicatorFinder.FindInLine(line, path, task.Lead.Count > 0 ? string.Join(", ", task.Lead) : null, indicators);
        return task;
    }

    /// <summary>A leaf heading that is a whole task sentence, alone or over its own field lines.</summary>
    private static bool IsTaskSentence(Section section) =>
        section is { Heading: { } h, Children.Count: 0, Depth: >= 2 } && h.Title.Split(' ').Length >= 6 && section.Items.TrueForAll(IsFieldLine);

    /// <summary>A field line of a task ("Đơn vị thực hiện: …", "Thời gian hoàn thành: …") with a value.</summary>
    private static bool IsFieldLine(object item) =>
        item is Line line && FieldRegex().Match(line.Text) is { Success: true } field && field.Groups["value"].Value.Trim().Length > 0;

    private static TaskDraft NewTextTask(Line line, string path, Context local, TaskSource source)
    {
        var text = line.Text;
        var task = new TaskDraft { Source = source, Section = path, Name = text, NameSpan = line.Span };
        var assignment = InlineAssignment(text);
        if (assignment is not null)
        {
            task.Lead = [.. assignment.Lead];
            task.Support = [.. assignment.Support];
            task.LeadSpan = line.SpanOf(assignment.Lead[0]);
            if (assignment.Support.Count > 0) task.SupportSpan = line.SpanOf(assignment.Support[0]);
        }
        else if (local.Lead is { } context)
        {
            task.Lead = [.. context.Lead];
            task.Support = [.. context.Support];
            task.LeadSpan = local.LeadSpan;
            task.SupportSpan = local.LeadSpan;
            // Under a unit's heading, "- Phối hợp với Tổ công nghệ số cộng đồng hướng dẫn …": the section's unit leads, the one named supports.
            if (LeadingSupportRegex().Match(text) is { Success: true } with && UnitPhrases.TakeAll(text, with.Length, out _) is { Count: > 0 } helpers)
            {
                task.Support = helpers;
                task.SupportSpan = line.SpanOf(helpers[0]);
            }
        }
        if ((InlineDeadline.Find(text) ?? (AssignmentTailStart(text) is { } tail ? InlineDeadline.Find(text[..tail]) : null)) is { } deadline)
        {
            task.DeadlineRaw = text.Substring(deadline.Start, deadline.Length);
            task.DeadlineSpan = line.SpanOf(deadline.Start, deadline.Length);
        }
        else if (local.DeadlineRaw is not null)
        {
            task.DeadlineRaw = local.DeadlineRaw;
            task.DeadlineSpan = local.DeadlineSpan;
        }
        // "…; hoàn thành trước ngày 30/3/2026. Sản phẩm: Kế hoạch của Ủy ban nhân dân xã.": the product, written as the last sentence.
        if (TrailingProductRegex().Match(text) is { Success: true } product)
        {
            task.Output = product.Groups["v"].Value.Trim();
            task.OutputSpan = line.SpanOf(product.Groups["v"].Index, product.Groups["v"].Length);
        }
        return task;
    }

    /// <summary>Who the sentence itself names as responsible, overriding the section's unit.</summary>
    private static UnitPhrases.Assignment? InlineAssignment(string text)
    {
        // "a) Sở Khoa học và Công nghệ chủ trì, …", "(2) Giao Sở Nội vụ …": the letter is not part of who acts.
        text = EnumeratorPrefixRegex().Replace(text, "");
        var body = text;
        var label = LabelRegex().Match(text);
        if (label.Success)
        {
            var head = label.Groups["label"].Value;
            if (UnitPhrases.StartsWithHead(head) && UnitPhrases.IsUnitTitle(head))
                return new UnitPhrases.Assignment(UnitPhrases.Split(head), []);
            body = text[label.Length..];
        }
        var firstSentence = FirstSentenceRegex().Match(body).Value;
        if (UnitPhrases.LeadingActor(firstSentence) is { } actor) return actor;
        // "(Văn phòng HĐND và UBND xã chủ trì; thời hạn: Quý III/2026)"
        foreach (Match p in ParenAssignmentRegex().Matches(text))
            if (UnitPhrases.LeadingActor(p.Groups["a"].Value) is { Lead.Count: > 0 } inParens) return inParens;
        if (UnitPhrases.UnitBeforeCompletion(text) is { } unit) return new UnitPhrases.Assignment([unit], []);
        // "… . Cơ quan chủ trì: Phòng VH-XH; cơ quan phối hợp: Ủy ban MTTQ Việt Nam xã, các thôn; thời hạn: …"
        if (LabelledAssignmentRegex().Match(text) is { Success: true } labelled && UnitPhrases.StartsWithHead(labelled.Groups["lead"].Value))
            return new UnitPhrases.Assignment(UnitPhrases.Split(labelled.Groups["lead"].Value), UnitPhrases.Split(labelled.Groups["sup"].Value));
        // "Tổ chức Cuộc thi …; Giao Tỉnh đoàn chủ trì, phối hợp với Sở Khoa học và Công nghệ; thời gian …": a later clause
        // that hands the item to a unit to lead.
        foreach (Match clause in LaterDelegationRegex().Matches(text))
            if (UnitPhrases.LeadingActor(clause.Groups["c"].Value) is { Lead.Count: > 0 } delegated) return delegated;
        // "Rà soát …. VP HĐND-UBND chủ trì, phối hợp với Phòng Kinh tế; hoàn thành …": a later sentence or clause that
        // assigns the item. An item opening "Phối hợp với X …" then names X as support.
        foreach (Match piece in LaterPieceRegex().Matches(text))
        {
            // "… . X chủ trì; Y, Z phối hợp; hoàn thành …": the clause after the lead's names the support.
            var said = piece.Groups["p"].Value;
            if (SupportClauseRegex().Match(text, piece.Groups["p"].Index + piece.Groups["p"].Length) is { Success: true } supportClause)
                said += supportClause.Value;
            if (UnitPhrases.AssigningActor(said) is not { Lead.Count: > 0 } assigned) continue;
            if (assigned.Support.Count == 0 && LeadingSupportRegex().Match(text) is { Success: true } with
                && UnitPhrases.TakeAll(text, with.Length, out _) is { Count: > 0 } helpers)
                assigned = assigned with { Support = helpers };
            return assigned;
        }
        return null;
    }

    /// <summary>
    /// Where the item's last sentence only says who does it ("… . Phòng Kinh tế chủ trì, phối hợp với Phòng VH-XH."), the
    /// text before it: a deadline ending the sentence before ("… theo kế hoạch của UBND tỉnh.") is read there.
    /// </summary>
    private static int? AssignmentTailStart(string text)
    {
        var last = LaterPieceRegex().Matches(text).LastOrDefault(m => m.Value.StartsWith('.'));
        if (last is null) return null;
        return UnitPhrases.AssigningActor(last.Groups["p"].Value) is { Lead.Count: > 0 } ? last.Index : null;
    }

    private static TaskDraft StartNumbered(Line line, Match start, Section section, Context local)
    {
        var body = start.Groups["body"];
        var slice = line.Slice(body.Index, body.Length);
        var task = new TaskDraft
        {
            Source = TaskSource.Numbered,
            Section = section.Path,
            // "Nhiệm vụ 3:" numbers itself; "a) Nhiệm vụ: …" under "1.2. <heading>" takes the heading's number.
            Code = start.Groups["n"].Success ? start.Groups["n"].Value
                : start.Groups["letter"].Success && section.Heading?.Number is { Length: > 0 } number ? number : null,
            Name = slice.Text,
            NameSpan = slice.Span,
        };
        // Fields written inline: "Nhiệm vụ 1: ... Thời gian hoàn thành: Quý II/2026. Cơ quan thực hiện: ..."
        var inline = InlineFieldRegex().Match(slice.Text);
        if (inline.Success && inline.Index > 20)
        {
            var fieldsText = slice.Slice(inline.Index, slice.Text.Length - inline.Index);
            task.Name = slice.Text[..inline.Index].TrimEnd();
            task.NameSpan = slice.SpanOf(0, task.Name.Length);
            foreach (var part in SplitFields(fieldsText))
                if (FieldRegex().Match(part.Text) is { Success: true } f) ApplyField(task, part, f);
        }
        if (local.Lead is { } context && task.Lead.Count == 0)
        {
            task.Lead = [.. context.Lead];
            task.LeadSpan = local.LeadSpan;
        }
        if (task.DeadlineRaw is null && InlineDeadline.Find(task.Name) is { } d)
        {
            task.DeadlineRaw = task.Name.Substring(d.Start, d.Length);
            task.DeadlineSpan = slice.SpanOf(d.Start, d.Length);
        }
        return task;
    }

    private static IEnumerable<Line> SplitFields(Line fields)
    {
        var matches = InlineFieldRegex().Matches(fields.Text);
        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : fields.Text.Length;
            yield return fields.Slice(start, end - start);
        }
    }

    private static bool IsOutputLabel(string label)
    {
        var folded = VietnameseText.Fold(label);
        return folded.StartsWith("ket qua", StringComparison.Ordinal) || folded.StartsWith("san pham", StringComparison.Ordinal);
    }

    private static void ApplyField(TaskDraft task, Line line, Match field)
    {
        var label = VietnameseText.Fold(field.Groups["label"].Value);
        var value = field.Groups["value"];
        var text = value.Value.Trim();
        var span = line.SpanOf(value.Index, value.Length);
        var isLeadLabel = label.StartsWith("co quan", StringComparison.Ordinal) || label.StartsWith("don vi", StringComparison.Ordinal) || label.StartsWith("chu tri", StringComparison.Ordinal);
        if (isLeadLabel && label.Contains("chu tri", StringComparison.Ordinal) && label.Contains("phoi hop", StringComparison.Ordinal)
            && LeadSlashSupportRegex().Match(text) is { Success: true } pair)
        {
            // "Đơn vị chủ trì/phối hợp: Phòng Kinh tế xã/Hội Nông dân xã, Hội Liên hiệp Phụ nữ xã"
            task.Lead = UnitPhrases.Split(pair.Groups["lead"].Value);
            task.LeadSpan = span;
            task.Support = UnitPhrases.Split(pair.Groups["support"].Value);
            task.SupportSpan = span;
        }
        else if (isLeadLabel && !label.Contains("phoi hop", StringComparison.Ordinal) && SupportLabelInValueRegex().Match(text) is { Success: true } inner)
        {
            // "Đơn vị chủ trì: Sở Khoa học và Công nghệ; đơn vị phối hợp: Sở Tài chính, Sở Tư pháp."
            task.Lead = UnitPhrases.Split(text[..inner.Index].Trim().TrimEnd('.', ';', ','));
            task.LeadSpan = span;
            task.Support = UnitPhrases.Split(text[(inner.Index + inner.Length)..].Trim().TrimEnd('.', ';'));
            task.SupportSpan = span;
        }
        else if (label.Contains("phoi hop", StringComparison.Ordinal))
        {
            task.Support = UnitPhrases.Split(text);
            task.SupportSpan = span;
        }
        else if (label.StartsWith("co quan", StringComparison.Ordinal) || label.StartsWith("don vi", StringComparison.Ordinal) || label.StartsWith("chu tri", StringComparison.Ordinal))
        {
            var assignment = UnitPhrases.ParseAssignment(text);
            task.Lead = [.. assignment.Lead];
            task.LeadSpan = span;
            if (assignment.Support.Count > 0)
            {
                task.Support = [.. assignment.Support];
                task.SupportSpan = span;
            }
        }
        else if (label.StartsWith("thoi", StringComparison.Ordinal) || label.StartsWith("tien do", StringComparison.Ordinal))
        {
            if (task.OwnDeadline) return;
            task.DeadlineLines.Add(line.Text.Trim());
            task.DeadlineRaw = task.DeadlineLines.Count == 1 ? text : string.Join(" ", task.DeadlineLines);
            task.DeadlineSpan = task.DeadlineLines.Count == 1 ? span : SourceSpan.Cover(task.DeadlineSpan, line.Span);
        }
        else if (label.StartsWith("ket qua", StringComparison.Ordinal) || label.StartsWith("san pham", StringComparison.Ordinal))
        {
            task.Output = text;
            task.OutputSpan = span;
        }
        else if (label.Contains("chi dao", StringComparison.Ordinal))
        {
            task.Directing = text;
            task.DirectingSpan = span;
        }
    }

    /// <summary>A block's assignment sentence names only units: who leads, and who supports if anyone.</summary>
    private static bool AssignsUnits(Match assigned)
    {
        var lead = UnitPhrases.Split(assigned.Groups["lead"].Value);
        if (lead.Count == 0 || !lead.TrueForAll(UnitPhrases.StartsWithHead)) return false;
        return !assigned.Groups["sup"].Success || UnitPhrases.Split(assigned.Groups["sup"].Value).TrueForAll(UnitPhrases.StartsWithHead);
    }

    private static void ApplyAssignment(TaskDraft task, Line line, Match assigned)
    {
        var lead = assigned.Groups["lead"];
        task.Lead = UnitPhrases.Split(lead.Value);
        task.LeadSpan = line.SpanOf(lead.Index, lead.Length);
        if (assigned.Groups["sup"] is { Success: true } support)
        {
            task.Support = UnitPhrases.Split(support.Value);
            task.SupportSpan = line.SpanOf(support.Index, support.Length);
        }
    }

    private static bool IsLegalBasis(Line line) => line.Text.StartsWith("Căn cứ", StringComparison.Ordinal);

    private static PlanTask Finish(TaskDraft draft, UnitCatalog catalog, int year)
    {
        if (draft.Upstream is null && TableTasks.UpstreamIn(draft.Name) is { } upstream)
        {
            draft.Upstream = upstream;
            draft.UpstreamSpan = draft.NameSpan;
        }
        var spans = new Dictionary<TaskField, SourceSpan> { [TaskField.Name] = draft.NameSpan };
        if (draft.Lead.Count > 0) spans[TaskField.Lead] = draft.LeadSpan;
        if (draft.Support.Count > 0) spans[TaskField.Support] = draft.SupportSpan;
        if (draft.Directing is not null) spans[TaskField.Directing] = draft.DirectingSpan;
        if (draft.Output is not null) spans[TaskField.Output] = draft.OutputSpan;
        if (draft.DeadlineRaw is not null) spans[TaskField.Deadline] = draft.DeadlineSpan;
        if (draft.Upstream is not null) spans[TaskField.UpstreamSource] = draft.UpstreamSpan;
        var authority = AuthorityRegex().Match(draft.Name);
        var task = new PlanTask
        {
            Source = draft.Source,
            Section = draft.Section,
            Code = draft.Code,
            Name = draft.Name.Trim(),
            Lead = draft.Lead.Where(l => l.Length > 0).Select(catalog.Resolve).ToList(),
            Support = draft.Support.Where(l => l.Length > 0).Select(catalog.Resolve).ToList(),
            Directing = draft.Directing,
            Output = draft.Output,
            DeadlineRaw = draft.DeadlineRaw,
            Deadline = DeadlineParser.Parse(draft.DeadlineRaw, year),
            UpstreamSource = draft.Upstream,
            DecisionAuthority = authority.Success ? authority.Groups["who"].Value : null,
            Spans = spans,
        };
        return task;
    }

    /// <summary>
    /// A target restated later in the plan (the same value for nearly the same thing) is one indicator,
    /// kept where it first appears; a table row wins over a sentence because it names the owner.
    /// </summary>
    private static List<IndicatorDraft> Deduplicate(List<IndicatorDraft> all)
    {
        var kept = new List<IndicatorDraft>();
        // Only indicators with the same target can be the same; compare names within those groups.
        var byTarget = new Dictionary<(TargetOp, decimal, decimal?, TargetUnit), List<(int Index, HashSet<string> Grams, int? Row)>>();
        foreach (var candidate in all)
        {
            var key = (candidate.Target.Op, candidate.Target.Value, candidate.Target.ValueMax, candidate.Target.Unit);
            var grams = VietnameseText.Grams(candidate.Name);
            var withContext = candidate.Context is null ? null : VietnameseText.Grams(candidate.Name + " " + candidate.Context);
            if (!byTarget.TryGetValue(key, out var group)) byTarget[key] = group = [];
            var twin = group.FindIndex(g => (g.Row is null || g.Row != candidate.Row) && (SameThing(g.Grams, grams) || (withContext is not null && SameThing(g.Grams, withContext))));
            if (twin < 0)
            {
                group.Add((kept.Count, grams, candidate.Row));
                kept.Add(candidate);
            }
            else if (candidate.FromTable && !kept[group[twin].Index].FromTable) kept[group[twin].Index] = candidate;
        }
        return kept;
    }

    internal const double DuplicateSimilarity = 0.55;

    /// <summary>Nearly the same words, or one name almost wholly inside the other ("tỷ lệ hài lòng").</summary>
    private static bool SameThing(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return false;
        var common = a.Count(b.Contains);
        if (2.0 * common / (a.Count + b.Count) >= DuplicateSimilarity) return true;
        var smaller = Math.Min(a.Count, b.Count);
        return smaller >= 5 && common >= 0.8 * smaller;
    }

    [GeneratedRegex(@"^(?:-\s*)?(?:(?<letter>[a-zđ])\)\s*)?(?:Nhiệm vụ|NHIỆM VỤ)\s*(?<n>\d{1,3})?\s*(?:\([^()]{1,60}\))?\s*[:.]\s*(?<body>\S.*)$")]
    private static partial Regex NumberedStartRegex();

    [GeneratedRegex(@"^(?:[a-zđ]\)\s*)?(?:(?:Các\s+)?(?:Nhiệm vụ|NHIỆM VỤ)(?:,?\s+giải pháp)?|Nội dung|NỘI DUNG)(?:\s+(?:cụ thể|gồm|chủ yếu|thực hiện|nhiệm vụ|công việc))?\s*:$")]
    private static partial Regex TaskListLabelRegex();

    /// <summary>
    /// A block's lettered line that assigns it in a sentence: "b) Phân công: X chủ trì; Y, Z phối hợp.", "b) Giao X chủ trì;
    /// phối hợp: Y, Z.", "b) X chủ trì, phối hợp với Y." — units only, nothing to do named after them.
    /// </summary>
    [GeneratedRegex(@"^(?:[a-zđ]\)\s*)?(?:(?:Phân công|Trách nhiệm)(?:\s+(?:thực hiện|nhiệm vụ))?\s*:\s*)?(?:Giao(?:\s+cho)?\s+)?(?<lead>\p{Lu}[^;:]*?)\s*,?\s+chủ trì(?:\s*[,;]\s*(?:(?:(?i:cơ quan|đơn vị)\s+)?phối hợp(?:\s*:\s*|\s+(?:với|cùng)\s+)(?<sup>[^;:]+?)|(?<sup>[^;:]+?)\s+phối hợp)(?:\s+thực hiện)?)?\s*[.;]?\s*$")]
    private static partial Regex BlockAssignmentRegex();

    [GeneratedRegex(@"^(?<lead>[^/]+?)\s*/\s*(?<support>\D[^/]*)$")]
    private static partial Regex LeadSlashSupportRegex();

    [GeneratedRegex(@"[;.]\s*(?i:đơn vị|cơ quan)\s+phối hợp\s*:\s*")]
    private static partial Regex SupportLabelInValueRegex();

    [GeneratedRegex(@"^(?:[a-zđ]\)\s*)?(?<label>(?:Thời gian hoàn thành|Thời hạn hoàn thành|Thời hạn|Thời gian thực hiện|Tiến độ|Cơ quan|Đơn vị|Chủ trì|Phối hợp(?=\s*(?:thực hiện\s*)?:)|Kết quả|Sản phẩm|Trực tiếp chỉ đạo|Người chỉ đạo|Chỉ đạo)[^:]{0,80}?)\s*:\s*(?<value>.*)$")]
    private static partial Regex FieldRegex();

    [GeneratedRegex(@"(?<=^|[.;]\s|\s)(?:Thời gian hoàn thành|Thời hạn hoàn thành|Thời hạn|Cơ quan, đơn vị|Cơ quan chủ trì|Cơ quan thực hiện|Đơn vị chủ trì|Đơn vị thực hiện|Đơn vị phối hợp|Kết quả|Sản phẩm)[^:.;]{0,60}:")]
    private static partial Regex InlineFieldRegex();

    [GeneratedRegex(@"^(?<label>[^:.;]{2,90}?)\s*:\s+(?=\S)")]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"^.*?(?:[.;](?=\s+\p{Lu})|$)")]
    private static partial Regex FirstSentenceRegex();

    [GeneratedRegex(@"\btrình\s+(?<who>(?:Ban Thường vụ|Ban Chấp hành|Thường trực|Ban Chỉ đạo|UBND|Ủy ban nhân dân|Chủ tịch|Trưởng Ban)[^,.;]{0,100}?)\s+(?:quyết định|phê duyệt|xem xét|cho ý kiến)")]
    private static partial Regex AuthorityRegex();

    /// <summary>"Cơ quan chủ trì: X; cơ quan phối hợp: Y, Z" written inside a paragraph, after its first sentence.</summary>
    [GeneratedRegex(@"[.;]\s+(?i:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện)\s*:\s*(?<lead>[^;:.]{3,120}?)\s*(?:;\s*(?i:cơ quan|đơn vị)\s+phối hợp\s*:\s*(?<sup>[^;:]{3,200}?))?\s*(?=;|\.\s|\.?\s*$)")]
    private static partial Regex LabelledAssignmentRegex();

    /// <summary>A clause right after an assigning one that names who supports: "; Y, Z phối hợp", "; phối hợp: Y".</summary>
    [GeneratedRegex(@"\G;\s*(?:[^;.:]{2,160}?\s+phối hợp(?:\s+thực hiện)?|phối hợp\s*:\s*[^;:]{2,160}?)(?=\s*(?:;|\.\s|\.?\s*$))")]
    private static partial Regex SupportClauseRegex();

    [GeneratedRegex(@"[;.]\s+(?<c>Giao(?: cho)?\s+[^;.]{3,160}?\bchủ trì\b[^;.]*)")]
    private static partial Regex LaterDelegationRegex();

    [GeneratedRegex(@"(?<=[.;]\s+)(?i:sản phẩm|kết quả|kết quả dự kiến)\s*:\s*(?<v>[^;:]{3,200}?\.?)\s*$")]
    private static partial Regex TrailingProductRegex();

    /// <summary>A later sentence (". " before a capital) or clause ("; ") of an item, up to the next one.</summary>
    [GeneratedRegex(@"(?:\.\s+(?=\p{Lu})|;\s+)(?<p>[^;]+?)(?=\.\s+\p{Lu}|;|\.?\s*$)")]
    private static partial Regex LaterPieceRegex();

    [GeneratedRegex(@"^(?:[a-zđ]\)|\(\d{1,2}\))\s+")]
    private static partial Regex EnumeratorPrefixRegex();

    [GeneratedRegex(@"^(?:Phối hợp|phối hợp)\s+(?:với|cùng)\s+")]
    private static partial Regex LeadingSupportRegex();

    [GeneratedRegex(@"\((?<a>[^()]{3,120}?\bchủ trì\b[^()]*)\)")]
    private static partial Regex ParenAssignmentRegex();

    /// <summary>"Đơn vị thực hiện: …", "Cơ quan chủ trì: …": a line naming who does the task above it.</summary>
    [GeneratedRegex(@"^(?:[a-zđ]\)\s*)?(?:Cơ quan|Đơn vị|Chủ trì)[^:]{0,40}:\s*\S")]
    private static partial Regex LeadFieldRegex();

    [GeneratedRegex(@"^(?:(?i:tối thiểu|ít nhất|trên|từ|đạt)\s+)?\d+(?:,\d+)?\s*%")]
    private static partial Regex TargetFirstRegex();

    [GeneratedRegex(@"ket qua (?:dat duoc|thuc hien)|danh gia (?:ket qua|tinh hinh)|tinh hinh thuc hien|thuc trang")]
    private static partial Regex PastResultsRegex();

    [GeneratedRegex(@"^(?:cac\s+)?(?:nhiem vu|giai phap)")]
    private static partial Regex TaskTitleRegex();

    [GeneratedRegex(@"nhiem vu|giai phap|noi dung (?:thuc hien|trong tam|cong viec|chu yeu)")]
    private static partial Regex TaskAreaRegex();

    [GeneratedRegex(@"^to chuc thuc hien|^noi nhan")]
    private static partial Regex OrganiseRegex();

    /// <summary>Subsections of results, goals, targets or resources; resources only by a title about them ("Nguồn lực tài
    /// chính: …"), not "Hỗ trợ doanh nghiệp tiếp cận nguồn lực …", which is work to do.</summary>
    [GeneratedRegex(@"ket qua can dat|^(?:cac |bao dam |dam bao )?nguon luc|^muc tieu|chi tieu|^ket qua du kien")]
    private static partial Regex ExcludedRegex();

    [GeneratedRegex(@"^(?:cac |mot so |nhung )?(?:ket qua can dat|nguon luc|muc tieu|chi tieu|ket qua du kien)")]
    private static partial Regex ExcludedAtStartRegex();
}
