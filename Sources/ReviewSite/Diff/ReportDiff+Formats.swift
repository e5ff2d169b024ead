/// The report of a diff for the terminal, as JSON, and as the changes page.
extension ReportDiff {
    /// The terminal report.
    public var text: String {
        var out = "Changes from \(base) to \(head)\n"
        out += section("Data", dataLines)
        out += section("Figures that changed", figures.map { "\($0.id): \($0.old) → \($0.new)" })
        out += section("Figures that now differ from the article", nowDiffer.map(\.description))
        out += section("Figures that no longer differ from the article", noLongerDiffer.map(\.description))
        out += section("Sentences that changed", sentences.map { "\($0.pageTitle) (\($0.page)): \($0.marked)" })
        out += section("Table cells that changed", tableCells.map { "\($0.table), \($0.row), \($0.column): \(quoted($0.old)) → \(quoted($0.new))" })
        return out + "\n\(summary)\n"
    }

    var dataLines: [String] {
        var lines: [String] = []
        if !data.studiesAdded.isEmpty { lines.append("studies added: \(data.studiesAdded.joined(separator: ", "))") }
        if !data.studiesRemoved.isEmpty { lines.append("studies removed: \(data.studiesRemoved.joined(separator: ", "))") }
        if !data.patientsAdded.isEmpty { lines.append("patients added: \(data.patientsAdded.joined(separator: ", "))") }
        if !data.patientsRemoved.isEmpty { lines.append("patients removed: \(data.patientsRemoved.joined(separator: ", "))") }
        lines += data.rows.map { "\($0.file): row \($0.key) \($0.added ? "added" : "removed")" }
        lines += data.cells.map { cell in
            var place = cell.column.map { "\(cell.file), \(cell.key), \($0)" } ?? "\(cell.file), \(cell.key)"
            if let reference = cell.cell { place += " (\(reference))" }
            return "\(place): \(quoted(cell.old)) → \(quoted(cell.new))"
        }
        return lines
    }

    private func section(_ title: String, _ lines: [String]) -> String {
        guard !lines.isEmpty else { return "" }
        return "\n\(title):\n" + lines.map { "  \($0)\n" }.joined()
    }

    private func quoted(_ text: String) -> String { text.isEmpty ? "(empty)" : "'\(text)'" }

    /// The data lines for the changes page: a file as its download link,
    /// a row's key and a column as code, so a reader tells data from prose.
    var dataItems: [(html: String, markdown: String)] {
        let lines = dataLines
        let cells = data.cells.count, rows = data.rows.count
        let counted = lines.count - cells - rows
        var items = lines.prefix(counted).map { (Escape.html($0), Escape.markdown($0)) }
        func file(_ name: String) -> String { "<a href=\"data/\(Escape.html(name))\">\(Escape.html(name))</a>" }
        items += data.rows.map { row in
            ("\(file(row.file)): row <code>\(Escape.html(row.key))</code> \(row.added ? "added" : "removed")",
             Escape.markdown("\(row.file): row \(row.key) \(row.added ? "added" : "removed")"))
        }
        items += zip(data.cells, lines.suffix(cells)).map { cell, line in
            var place = "\(file(cell.file)), <code>\(Escape.html(cell.key))</code>"
            if let column = cell.column { place += ", <code>\(Escape.html(column))</code>" }
            if let reference = cell.cell { place += " (\(Escape.html(reference)))" }
            return ("\(place): \(Escape.html(quoted(cell.old))) → \(Escape.html(quoted(cell.new)))", Escape.markdown(line))
        }
        return items
    }

    /// The same report as a stable JSON document (documented in the README).
    public var json: String {
        let q = FiguresJSON.quoted
        func list(_ items: [String]) -> String { "[" + items.map(q).joined(separator: ", ") + "]" }
        func objects(_ items: [[(String, String)]], indent: String) -> String {
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { fields in
                "\(indent)  {" + fields.map { "\(q($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
            }.joined(separator: ",\n") + "\n\(indent)]"
        }
        let published = { (items: [PublishedDifference]) in
            objects(items.map { [("computed", q($0.computed)), ("id", q($0.id)), ("printed", q($0.printed))] }, indent: "    ")
        }
        return """
        {
          "base": \(q(base)),
          "changed": \(!isEmpty),
          "data": {
            "cells": \(objects(data.cells.map { change in
                (change.cell.map { [("cell", q($0))] } ?? []) + [("column", change.column.map(q) ?? "null"), ("file", q(change.file)), ("key", q(change.key)), ("new", q(change.new)), ("old", q(change.old))]
            }, indent: "    ")),
            "patients_added": \(list(data.patientsAdded)),
            "patients_removed": \(list(data.patientsRemoved)),
            "rows": \(objects(data.rows.map { [("change", q($0.added ? "added" : "removed")), ("file", q($0.file)), ("key", q($0.key))] }, indent: "    ")),
            "studies_added": \(list(data.studiesAdded)),
            "studies_removed": \(list(data.studiesRemoved))
          },
          "figures": \(objects(figures.map { [("id", q($0.id)), ("new", q($0.new)), ("old", q($0.old))] }, indent: "  ")),
          "head": \(q(head)),
          "published": {
            "no_longer_differ": \(published(noLongerDiffer)),
            "now_differ": \(published(nowDiffer))
          },
          "sentences": \(objects(sentences.map { [("diff", q($0.marked)), ("new", $0.new.map(q) ?? "null"), ("old", $0.old.map(q) ?? "null"), ("page", q($0.page))] }, indent: "  ")),
          "summary": \(q(summary)),
          "table_cells": \(objects(tableCells.map { [("column", q($0.column)), ("new", q($0.new)), ("old", q($0.old)), ("row", q($0.row)), ("table", q($0.table))] }, indent: "  "))
        }

        """
    }

    /// The changes page: the same content, changed numbers highlighted and linked to the catalogue.
    public var page: (html: String, markdown: String) {
        var html = "<h1>Changes</h1>\n<p>From <strong>\(Escape.html(base))</strong> to <strong>\(Escape.html(head))</strong>: \(Escape.html(summary)).</p>\n"
        var markdown = "# Changes\n\nFrom **\(Escape.markdown(base))** to **\(Escape.markdown(head))**: \(Escape.markdown(summary)).\n"
        func add(_ title: String, _ items: [(html: String, markdown: String)]) {
            guard !items.isEmpty else { return }
            html += "<h2>\(title)</h2>\n<ul class=\"changes\">\n" + items.map { "<li>\($0.html)</li>\n" }.joined() + "</ul>\n"
            markdown += "\n## \(title)\n\n" + items.map { "- \($0.markdown)\n" }.joined()
        }
        add("Figures that changed", figures.map { change in
            (Cells.figureLink(change.id, "<code>\(Escape.html(change.id))</code>") + ": <del>\(Escape.html(change.old))</del> → <ins>\(Escape.html(change.new))</ins>",
             "[`\(change.id)`](figures.html#\(Escape.fragment(change.id))): \(change.old) → **\(change.new)**")
        })
        let published = { (items: [PublishedDifference]) in
            items.map { item in
                (Cells.figureLink(item.id, "<code>\(Escape.html(item.id))</code>") + ": printed \(Escape.html(item.printed)), computed <ins>\(Escape.html(item.computed))</ins>",
                 "[`\(item.id)`](figures.html#\(Escape.fragment(item.id))): printed \(item.printed), computed **\(item.computed)**")
            }
        }
        add("Figures that now differ from the article", published(nowDiffer))
        add("Figures that no longer differ from the article", published(noLongerDiffer))
        add("Sentences that changed", sentences.map { change in
            ("<a href=\"\(Escape.html(change.page))\">\(Escape.html(change.pageTitle))</a>: " + change.pieces.map(Self.html).joined(separator: " "),
             "[\(Escape.markdown(change.pageTitle))](\(change.page)): " + Escape.markdown(change.marked))
        })
        add("Table cells that changed", tableCells.map { cell in
            let place = "\(cell.table), \(cell.row), \(cell.column)"
            return ("\(Escape.html(place)): <del>\(Escape.html(cell.old))</del> → <ins>\(Escape.html(cell.new))</ins>",
                    "\(Escape.markdown(place)): \(Escape.markdown(quoted(cell.old))) → \(Escape.markdown(quoted(cell.new)))")
        })
        add("Data", dataItems)
        if isEmpty {
            html += "<p>The two datasets give the same report.</p>\n"
            markdown += "\nThe two datasets give the same report.\n"
        }
        return (html, markdown)
    }

    private static func html(_ piece: WordPiece) -> String {
        switch piece {
        case .same(let text): Escape.html(text)
        case .removed(let text): "<del>\(Escape.html(text))</del>"
        case .added(let text): "<ins>\(Escape.html(text))</ins>"
        }
    }
}
