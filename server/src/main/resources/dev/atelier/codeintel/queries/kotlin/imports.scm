(import_header (identifier) @import (import_alias (type_identifier) @import.alias)?)
