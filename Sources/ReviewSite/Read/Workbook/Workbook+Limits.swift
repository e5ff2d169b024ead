extension Workbook {
    /// What reading one workbook may take, so that a small hostile file ends
    /// with an error naming the part and the limit rather than taking all
    /// memory or minutes. Each is far above a real review's: the benchmark
    /// workbook of 100,000 patients unpacks to 178 MB, its largest sheet
    /// (patients) to 82 MB with 1.5 million cells; 1,000,000 patients would
    /// be about ten times that (docs/dataset.md, "The workbook").
    struct Limits: Sendable {
        /// All the parts read, unpacked, together (sizes as the archive declares them).
        var total = 2 << 30
        /// One sheet or the shared strings, unpacked.
        var part = 1 << 30
        /// Each other part read: the package's and workbook's relationships, the list of sheets, the styles.
        var smallPart = 32 << 20
        var sharedStrings = 20_000_000
        /// Cell formats of styles.xml (spreadsheet programs allow about 64,000).
        var styles = 100_000
        /// Cells with something in them, in one sheet read as a table.
        var cellsPerSheet = 50_000_000
        /// The header row's width: every row of the table is read this wide.
        var headerColumns = 1_024
        /// Empty cells among the header's names (a far cell would widen every row).
        var emptyHeaderColumns = 64

        static let standard = Limits()
    }

    static func megabytes(_ bytes: Int) -> String {
        "\(grouped(bytes >> 20)) MB"
    }
}

/// The refusals of `Workbook.Limits`, in the words of the workbook's errors.
extension WorkbookProblem {
    static func duplicate(_ path: String) -> WorkbookProblem {
        WorkbookProblem("has two parts named \(Echo.quoted(path)) (a spreadsheet program writes each part once, and programs differ on which copy they read; save the workbook again in a spreadsheet program)")
    }

    static func tooLarge(_ path: String, _ limit: Int) -> WorkbookProblem {
        WorkbookProblem("part \(Echo.quoted(path)) unpacks to more than \(Workbook.megabytes(limit)) (expected a smaller workbook, or the tables as CSV files)")
    }

    static func overTotal(_ path: String, sheet: String?, _ limit: Int) -> WorkbookProblem {
        let name = sheet.map { " (sheet \(Echo.quoted($0)))" } ?? ""
        return WorkbookProblem("part \(Echo.quoted(path))\(name) takes the parts to read past \(Workbook.megabytes(limit)) unpacked in all, the most read from one workbook (a workbook of 1,000,000 patients is about 1,800 MB; keep the largest tables as CSV files)")
    }

    static func longerThanDeclared(_ path: String, _ size: Int) -> WorkbookProblem {
        WorkbookProblem("part \(Echo.quoted(path)) unpacks to more than the \(grouped(size)) bytes the archive declares for it (the file is damaged; save the workbook again)")
    }

    static func tooManyStrings(_ path: String, _ limit: Int) -> WorkbookProblem {
        WorkbookProblem("part \(Echo.quoted(path)) has more than \(grouped(limit)) shared strings (distinct texts), the most read from one workbook (a workbook of 1,000,000 patients has a few million; keep the largest tables as CSV files)")
    }

    static func tooManyStyles(_ path: String, _ limit: Int) -> WorkbookProblem {
        WorkbookProblem("part \(Echo.quoted(path)) has more than \(grouped(limit)) cell formats, the most read from one workbook (spreadsheet programs allow about 64,000; save the workbook again in a spreadsheet program)")
    }

    static func tooManyCells(_ path: String, _ limit: Int) -> WorkbookProblem {
        WorkbookProblem("has more than \(grouped(limit)) cells with something in them (part \(Echo.quoted(path))), the most read from one sheet (a sheet of 1,000,000 patients has about 15,000,000; keep the table as a CSV file)")
    }

    /// The header row, when its last cell would widen every row past a limit: refused at that cell.
    static func wideHeader(_ row: SheetRow, limits: Workbook.Limits) -> WorkbookProblem? {
        let width = row.width
        let empty = width - row.cells.count - row.problems.count
        let value: String
        if let last = row.cells.indices.last, row.cells[last].column == width - 1 {
            value = row.text(last)
        } else {
            value = row.problems.last?.problem.shown ?? ""
        }
        let cell = "\(Echo.quoted(value)) is column \(grouped(width)) of the header row"
        var problem: WorkbookProblem
        if empty > limits.emptyHeaderColumns {
            problem = WorkbookProblem("\(cell), with \(grouped(empty)) empty header cells before it (expected the column names side by side, with at most \(grouped(limits.emptyHeaderColumns)) empty header cells among them; clear the cell, or move it next to the other names)")
        } else if width > limits.headerColumns {
            problem = WorkbookProblem("\(cell), more than the \(grouped(limits.headerColumns)) columns a table's sheet may have (expected the codebook's columns and any x_ columns; clear the cells right of the table)")
        } else {
            return nil
        }
        problem.row = row.number
        problem.column = width - 1
        return problem
    }
}
