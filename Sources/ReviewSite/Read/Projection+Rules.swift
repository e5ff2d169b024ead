// The rules the figures of this version compile in for the default
// review: a codebook that names its codes but gives them other meanings
// (another responded code, other checklist lengths or thresholds) is not
// projected, so the pages never contradict the codebook they were built from.

extension Projection {
    /// The first attribute of the codebook that the compiled rules do not share.
    static func ruleProblem(_ codebook: Codebook) -> String? {
        if let response = codebook.table("patients")?.column("response").flatMap(codebook.codes) {
            let responded = response.codes.filter(\.responded).map(\.code)
            if responded != [Response.complete.rawValue, Response.partial.rawValue] {
                return "responded codes \(responded.joined(separator: ", ")), not complete, partial"
            }
        }
        if let code = codebook.codeLists.flatMap(\.codes).first(where: \.notReported) {
            return "'\(code.code)' is counted as not reported"
        }
        if let variants = codebook.codeList("variant") {
            for code in variants.codes where code.of != Variant(rawValue: code.code)?.modality.rawValue {
                return "variant '\(code.code)' belongs to \(code.of ?? "no modality")"
            }
        }
        for checklist in codebook.appraisal.checklists {
            if let tool = RiskOfBiasTool(rawValue: checklist.code), tool.questions != checklist.questions {
                return "checklist \(checklist.code) has \(checklist.questions) questions, not \(tool.questions)"
            }
            if checklist.overall != Codebook.OverallRule(lowAbove: 75, highBelow: 50) {
                return "checklist \(checklist.code) has other overall thresholds than 75 and 50"
            }
            if checklist.answers.filter(\.met).map(\.code) != [Answer.yes.rawValue]
                || checklist.answers.filter({ !$0.applicable }).map(\.code) != [Answer.notApplicable.rawValue] {
                return "checklist \(checklist.code) counts other answers as met or not applicable"
            }
        }
        return nil
    }
}
