import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { LintFinding } from './lint';
import type { Severity } from './rules/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** An LSP diagnostic for a finding: rule id as `code`, its docs page as `codeDescription`. */
export function toDiagnostic(finding: LintFinding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: 'mlguide',
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    message: finding.message,
  };
}
