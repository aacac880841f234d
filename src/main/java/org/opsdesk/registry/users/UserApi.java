package org.opsdesk.registry.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.RegistryPermissions;
import org.opsdesk.registry.accounts.AccountRecords;
import org.opsdesk.registry.accounts.LiveAccounts;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An account's users, and a user's trusted devices. */
@Tag(name = "Registry")
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@RequiresPermission(RegistryPermissions.READ)
class UserApi {

    private final LiveAccounts live;
    private final AccountRecords accounts;
    private final UserStore users;
    private final DeviceStore devices;

    UserApi(LiveAccounts live, AccountRecords accounts, UserStore users, DeviceStore devices) {
        this.live = live;
        this.accounts = accounts;
        this.users = users;
        this.devices = devices;
    }

    @GetMapping("/accounts/{id}/users")
    @Operation(
            operationId = "listAccountUsers",
            summary = "List an account's users",
            description = "The live users of the account, oldest first, with their status and permissions.")
    AccountUserList users(@PathVariable String id) {
        var account = live.get(id);
        return new AccountUserList(
                users.of(account.id()).stream().map(AccountUserResponse::of).toList());
    }

    @GetMapping("/users/{id}")
    @Operation(operationId = "getAccountUser", summary = "Read an account user", description = "A live user.")
    AccountUserResponse user(@PathVariable String id) {
        return AccountUserResponse.of(liveUser(id));
    }

    @GetMapping("/users/{id}/devices")
    @Operation(
            operationId = "listUserDevices",
            summary = "List a user's devices",
            description = "The user's live devices, oldest first: trusted ones may confirm payments without a second"
                    + " factor.")
    DeviceList devices(@PathVariable String id) {
        var user = liveUser(id);
        return new DeviceList(devices.of(user.id()).stream()
                .map(d -> new DeviceResponse(
                        d.id(), d.label(), d.platform(), d.trusted(), d.trustedAt(), d.lastSeenAt(), d.createdAt()))
                .toList());
    }

    /** A live user of a live account, else 404. */
    private AccountUser liveUser(String id) {
        return Texts.pathId(id)
                .flatMap(users::find)
                .filter(user -> accounts.find(user.accountId()).isPresent())
                .orElseThrow(() -> new NotFound("user", id));
    }

    record AccountUserList(List<AccountUserResponse> items) {}

    record AccountUserResponse(
            UUID id,
            UUID accountId,
            String name,
            String email,
            @Nullable String phone,
            String status,
            List<String> permissions,
            @Nullable String subject,
            Instant createdAt,
            Instant updatedAt) {
        static AccountUserResponse of(AccountUser u) {
            return new AccountUserResponse(
                    u.id(),
                    u.accountId(),
                    u.name(),
                    u.email(),
                    u.phone(),
                    u.status(),
                    u.permissions(),
                    u.subject(),
                    u.createdAt(),
                    u.updatedAt());
        }
    }

    record DeviceList(List<DeviceResponse> items) {}

    record DeviceResponse(
            UUID id,
            String label,
            String platform,
            boolean trusted,
            @Nullable Instant trustedAt,
            @Nullable Instant lastSeenAt,
            Instant createdAt) {}
}
