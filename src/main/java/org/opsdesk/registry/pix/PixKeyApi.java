package org.opsdesk.registry.pix;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.RegistryPermissions;
import org.opsdesk.registry.accounts.LiveAccounts;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An account's Pix keys, active and cancelled. */
@Tag(name = "Registry")
@RestController
@RequiresPermission(RegistryPermissions.READ)
class PixKeyApi {

    private final LiveAccounts live;
    private final PixKeyStore keys;

    PixKeyApi(LiveAccounts live, PixKeyStore keys) {
        this.live = live;
        this.keys = keys;
    }

    @GetMapping(path = "/api/v1/accounts/{id}/pix-keys", produces = "application/json")
    @Operation(
            operationId = "listAccountPixKeys",
            summary = "List an account's Pix keys",
            description = "The account's Pix keys, oldest first, normalised as the Central Bank's directory writes"
                    + " them; a cancelled key stays listed with the time it was cancelled.")
    PixKeyList list(@PathVariable String id) {
        var account = live.get(id);
        return new PixKeyList(keys.of(account.id()).stream()
                .map(k -> new PixKeyResponse(k.id(), k.type(), k.value(), k.status(), k.cancelledAt(), k.createdAt()))
                .toList());
    }

    record PixKeyList(List<PixKeyResponse> items) {}

    record PixKeyResponse(
            UUID id, String type, String key, String status, @Nullable Instant cancelledAt, Instant createdAt) {}
}
