#!/usr/bin/env bash
# The step of action.yml: runs the lp-app-manifest CLI installed in the project
# with the action's inputs (INPUT_* variables), writes the step summary
# ($GITHUB_STEP_SUMMARY) and the exit-code output ($GITHUB_OUTPUT), and exits
# with the CLI's status. The tests run it as it is, with those variables set.
set -uo pipefail

fail() {
  # One annotation, then the usage-error status, as the CLI itself exits for a wrong option.
  echo "::error title=lp-app-manifest action::$1"
  [ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=2" >>"$GITHUB_OUTPUT"
  exit 2
}

flag() {
  # A boolean input: "true" or "false" (or empty, the default), nothing else.
  case "${2:-false}" in
    true) return 0 ;;
    false | '') return 1 ;;
    *) fail "input $1 must be true or false, not \"$2\"" ;;
  esac
}

cd "${INPUT_WORKING_DIRECTORY:-.}" 2>/dev/null || fail "working-directory \"${INPUT_WORKING_DIRECTORY:-}\" is not a folder"
bin=./node_modules/.bin/lp-app-manifest
[ -e "$bin" ] || fail "lp-app-manifest is not installed in $(pwd): run npm ci (or npm install with its tarball) in a step before this one"

# Inputs that list several values are split on white space; nothing is expanded as a glob.
read -r -d '' -a files <<<"${INPUT_FILES:-}"
read -r -d '' -a dotenvs <<<"${INPUT_DOTENV:-}"
read -r -d '' -a extra <<<"${INPUT_ARGS:-}"
[ "${#files[@]}" -gt 0 ] || fail "input files is empty: name the manifest files or folders to check"

options=()
[ -n "${INPUT_PROFILE:-}" ] && options+=(--profile "$INPUT_PROFILE")
for file in "${dotenvs[@]}"; do options+=(--dotenv "$file"); done

refused() {
  # The CLI's exit status 2 is a usage error: its one line is in the log above; the annotation points there.
  echo "::error title=lp-app-manifest action::lp-app-manifest $1 refused its options (exit 2): see the line above; check the inputs (profile, dotenv, args)"
}

summary() {
  # Appends standard input to the step summary, when the runner gives one.
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat >>"$GITHUB_STEP_SUMMARY"; else cat >/dev/null; fi
}

case "${INPUT_COMMAND:-validate}" in
  validate)
    if flag strict "${INPUT_STRICT:-}"; then options+=(--strict); fi
    if flag allow-unresolved "${INPUT_ALLOW_UNRESOLVED:-}"; then options+=(--allow-unresolved); fi
    "$bin" validate --format github "${options[@]}" "${extra[@]}" "${files[@]}"
    status=$?
    if [ "$status" -eq 2 ]; then
      refused validate
    else
      # The report again, as Markdown, for the run's summary page (checking a manifest takes milliseconds);
      # what it prints on stderr is in the log already.
      "$bin" validate --format markdown "${options[@]}" "${extra[@]}" "${files[@]}" 2>/dev/null | summary
    fi
    ;;
  plan)
    [ "${#files[@]}" -eq 1 ] || fail "plan takes one manifest file, not ${#files[@]}"
    [ -n "${INPUT_ACCOUNT:-}" ] || fail "input account is empty: plan needs the LivePerson account id"
    if flag strict "${INPUT_STRICT:-}"; then fail "input strict applies to validate; plan has no --strict"; fi
    if flag allow-unresolved "${INPUT_ALLOW_UNRESOLVED:-}"; then
      fail "input allow-unresolved applies to validate; plan needs every variable (it sends the manifest's values)"
    fi
    report=$(mktemp)
    errors=$(mktemp)
    "$bin" plan --format markdown --account "$INPUT_ACCOUNT" "${options[@]}" "${extra[@]}" "${files[@]}" >"$report" 2>"$errors"
    status=$?
    cat "$report"
    cat "$errors" >&2
    summary <"$report"
    if [ "$status" -eq 2 ]; then
      refused plan
    elif [ "$status" -eq 1 ]; then
      # The CLI's lines never hold a secret: they go to the summary as they are, after one annotation.
      # Workflow-command data escapes %, CR and LF; HTML escapes &, < and > (the lines go into a <pre> block).
      echo "::error title=lp-app-manifest plan::the plan failed (exit 1): $(tail -n 1 "$errors" | sed 's/%/%25/g; s/\r/%0D/g')"
      { printf '**lp-app-manifest plan failed** (exit 1):\n\n<pre>\n'; sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g' "$errors"; printf '</pre>\n'; } | summary
    fi
    rm -f "$report" "$errors"
    ;;
  *) fail "input command must be validate or plan, not \"${INPUT_COMMAND}\"" ;;
esac

[ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=$status" >>"$GITHUB_OUTPUT"
exit "$status"
