/// The supplement's eMethods: the search, source by source, as search.yaml
/// reports it (PRISMA 2020 item 7). Without that file, the databases that
/// review.yaml names and the other methods of prisma.yaml, each detail not
/// reported. Nothing is filled in that the review does not give.
enum SupplementMethods {
    static let notReported = "<span class=\"not-reported\">not reported</span>"

    static func html(_ report: Report) -> String {
        let search = report.search ?? fallback(report)
        var html = "<p>"
        html += report.search == nil
            ? "The review's data do not describe its search source by source: the sources below are those the review names, and what it does not report is marked so."
            : "Each source searched, when and how, with the search exactly as it was run."
        let prisma = report.prisma
        html += " In all, the searches of databases found \(prisma.databases.recordsIdentified) records"
        if prisma.databases.registersRecords > 0 { html += ", those of registers \(prisma.databases.registersRecords)" }
        html += " and other methods \(prisma.otherMethods.recordsIdentified) (eFigure 1).</p>\n"
        html += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Sources searched\">\n<table class=\"search-sources\">\n<thead>\n<tr>"
        html += ["Source", "Kind", "Platform", "Date searched", "Dates covered", "Limits", "Records found"].map { "<th scope=\"col\">\($0)</th>" }.joined()
        html += "</tr>\n</thead>\n<tbody>\n"
        for source in search.sources {
            let cells = [kindWords(source.kind), source.platform.map(Escape.html), source.searched.map(Escape.html),
                         source.coverage.map(Escape.html), source.limits.map(Escape.html), source.records.map(String.init)]
            html += "<tr><th scope=\"row\">\(Escape.html(source.name))</th>" + cells.map { "<td>\($0 ?? notReported)</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        let queries = search.sources.filter { $0.query != nil }
        if queries.isEmpty {
            html += "<p>Search strings: \(notReported) for any source.</p>\n"
        } else {
            html += "<h3>Search strings</h3>\n"
            for source in search.sources {
                html += "<p class=\"key-title\">\(Escape.html(source.name))</p>\n"
                html += source.query.map { "<pre class=\"search-string\">\(Escape.html($0))</pre>\n" } ?? "<p>\(notReported)</p>\n"
            }
        }
        if let note = search.note { html += "<p>\(Escape.html(note))</p>\n" }
        return html
    }

    static func kindWords(_ kind: SearchStrategy.Kind) -> String? {
        switch kind {
        case .database: "bibliographic database"
        case .register: "register"
        case .other: "other method"
        }
    }

    /// review.yaml's databases and prisma.yaml's other methods, with their
    /// records only where the PRISMA counts give them source by source.
    static func fallback(_ report: Report) -> SearchStrategy {
        let prisma = report.prisma
        var strategy = SearchStrategy.named(report.review.databases)
        for index in strategy.sources.indices {
            let name = strategy.sources[index].name
            strategy.sources[index].records = prisma.databases.bySource.first { $0.name == name }?.records
                ?? (report.review.databases.count == 1 && prisma.databases.bySource.isEmpty ? prisma.databases.recordsIdentified : nil)
        }
        let others = prisma.otherMethods.sources
        strategy.sources += others.map { name in
            SearchStrategy.Source(name: name, kind: .other, records: others.count == 1 ? prisma.otherMethods.recordsIdentified : nil)
        }
        return strategy
    }
}
