import ArgumentParser
import CiteCheck

/// `citecheck rules`: the table of rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule with its default severity and summary.")

    func run() throws {
        let descriptions = RuleRegistry.descriptions
        let width = descriptions.map(\.id.count).max() ?? 0
        for description in descriptions {
            let id = description.id.padding(width)
            let severity = description.defaultSeverity.rawValue.padding(7)
            print("\(id)  \(severity)  \(description.summary)")
        }
    }
}

/// `citecheck explain RULE`: one rule, its rationale and its examples.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain one rule, with examples that trigger it and examples that do not.")

    @Argument(help: "A rule id, as `citecheck rules` lists them.")
    var rule: String

    func run() throws {
        guard let description = RuleRegistry.description(id: rule) else {
            throw ValidationError("Unknown rule '\(rule)'; `citecheck rules` lists them.")
        }
        print("\(description.id) (\(description.defaultSeverity.rawValue))")
        print(description.summary)
        print("")
        print(description.rationale)
        print("")
        print(RuleDocumentation.fixSentence(description))
        for (title, examples) in [("Triggers", description.triggeringExamples), ("Does not trigger", description.nonTriggeringExamples)] where !examples.isEmpty {
            print("")
            print("\(title):")
            for example in examples {
                print("")
                for line in example.post.split(separator: "\n", omittingEmptySubsequences: false) { print("    \(line)") }
            }
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
