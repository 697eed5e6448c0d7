"""Rules used only by the tests, to see what each surface hands to rules and how fixes map back."""
from ovlint.base.diagnostics import Edit
from ovlint.rulekit.rule import CommandRule, LinkRule, RequirementRule


class MoProbe(CommandRule):
    """Flags every `mo` command and renames it to `ovc`."""

    code = "OV999"
    name = "mo-probe"
    summary = "mo"
    rationale = "test"
    needles = ("mo",)

    def check_command(self, command):
        if command.argv and command.argv[0] == "mo":
            word = command.words[0]
            self.report(command, message=" ".join(command.argv),
                        fix=self.make_fix(Edit(word.start, word.end, "ovc"), "rename"))


class DevPackageProbe(RequirementRule):
    """Flags every `openvino-dev` requirement and replaces its name with `openvino`."""

    code = "OV998"
    name = "dev-probe"
    summary = "openvino-dev"
    rationale = "test"
    needles = ("(?i)openvino-dev",)

    def check_requirement(self, req):
        if req.name == "openvino-dev":
            fix = None
            if req.carrier != "key":
                fix = self.make_fix(Edit(req.name_start, req.name_end, "openvino"), "rename")
            self.report(req, message=f"{req.origin}:{req.text}", fix=fix)


class LinkProbe(LinkRule):
    """Flags every link, with its URL as the message."""

    code = "OV997"
    name = "link-probe"
    summary = "link"
    rationale = "test"
    needles = ("://",)

    def check_link(self, link):
        self.report(link, message=link.url)
