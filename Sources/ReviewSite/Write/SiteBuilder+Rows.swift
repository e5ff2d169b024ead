/// The long tables' pages as site.yaml's `rows:` publishes them: every
/// page, or the first page of N rows with the downloads that hold the rest.
extension SiteBuilder {
    /// A table written as pages: the patients, the appraisal, a declared table.
    struct RowTable: Sendable {
        var pages: Int
        var page: @Sendable (Int) -> Page
        /// The page's file stem (`patients`) and its rows: how many, and their name in words.
        var stem: String
        var total: Int
        var words: String
        /// The download files that hold every row, when the site shows only the first.
        var downloads: [String]

        /// The pages the site writes: all, or the first.
        func published(_ rows: RowPublishing) -> Range<Int> {
            rows.pages == .first ? 0..<min(1, pages) : 0..<pages
        }

        /// Page `number` as the site writes it.
        func page(_ number: Int, _ rows: RowPublishing) -> Page {
            let made = page(number)
            guard rows.pages == .first else { return made }
            return FirstPage.cut(made, stem: stem, total: total, limit: rows.limit, rows: words, downloads: downloads)
        }
    }

    /// The dataset's files the site offers: the CSV tables only when
    /// `rows:` declares them (they are the rows the database holds too).
    static func offered(_ report: Report, _ rows: RowPublishing) -> [String] {
        datasetFiles(report.codebook).filter { report.files[$0] != nil && (rows.downloads.contains(.csv) || !$0.hasSuffix(".csv")) }
    }

    /// The downloads that hold every row of `tables` (by their codebook names): their CSV files when offered, and the database.
    static func rowDownloads(_ tables: [String], _ report: Report, offered: [String], _ rows: RowPublishing) -> [String] {
        tables.compactMap { report.codebook.table($0)?.fileName }.filter(offered.contains) + (rows.downloads.contains(.database) ? [databaseFile] : [])
    }

    /// The declared table's Markdown twin (and the Word file's table,
    /// under a `##` heading): every row, or those its first page shows.
    static func markdown(_ table: DeclaredTable, _ rows: RowPublishing, heading: String = "#") -> [UInt8] {
        guard table.result.rows.count > rows.shown else { return table.markdown(heading: heading) }
        let note = "This file holds the first \(grouped(rows.shown)) of the \(grouped(table.result.rows.count)) rows, as " + table.id + ".html shows them."
        return MarkdownTable.bytes(title: table.result.table.title, introduction: table.result.table.introduction + " " + note,
                                   caption: table.caption, table.data.prefix(rows.shown), heading: heading)
    }

    /// The tables whose rows the appraisal page shows: the studies and the tables of their answers.
    static func appraisalTables(_ report: Report, studies: String) -> [String] {
        [studies] + report.tables.filter { table in
            table.columns.contains { $0.type == .reference && $0.references == studies } && table.columns.contains { $0.type == .answer }
        }.map(\.name)
    }

    /// A declared table's pages; its rows are named as the data table
    /// whose key it has (Table 1's are studies), whose downloads hold them.
    static func rowTable(_ table: DeclaredTable, _ report: Report, offered: [String], _ rows: RowPublishing) -> RowTable {
        let keyTable = report.tables.first { data in data.columns.contains { $0.type == .id && $0.name == table.result.keyColumn } }?.name
        return RowTable(pages: table.pageCount, page: table.page, stem: table.id, total: table.result.rows.count,
                        words: keyTable.flatMap { report.codebook.table($0)?.rowsInWords } ?? "rows",
                        downloads: rowDownloads(keyTable.map { [$0] } ?? [], report, offered: offered, rows))
    }
}
