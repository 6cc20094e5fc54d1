
      export interface PossibleTypesResultData {
        possibleTypes: {
          [key: string]: string[]
        }
      }
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "AddClosureResult": [
      "InvalidInput",
      "OfficeClosure",
      "OfficeNotAllowed"
    ],
    "AvailabilityResult": [
      "Availability",
      "InvalidInput"
    ],
    "BiometricsResult": [
      "BiometricsRecorded",
      "NotAllowed",
      "OfficeNotAllowed",
      "UnknownCode"
    ],
    "BookingResult": [
      "BookingConfirmed",
      "InvalidInput",
      "LimitReached",
      "SlotUnavailable"
    ],
    "CallResult": [
      "CounterBusy",
      "CounterNotOpen",
      "CounterPaused",
      "InvalidInput",
      "NotAllowed",
      "OfficeNotAllowed",
      "QueueEmpty",
      "QueueTicket",
      "StaleTicket",
      "TicketNotFound"
    ],
    "CancelResult": [
      "Appointment",
      "AppointmentNotChangeable",
      "AppointmentNotFound"
    ],
    "ChangePasswordResult": [
      "InvalidInput",
      "PasswordSet",
      "TooManyAttempts"
    ],
    "CheckInResult": [
      "CheckInCancelled",
      "CheckInTooEarly",
      "CheckInTooLate",
      "CheckInWrongOffice",
      "IssuedTicket",
      "OfficeNotAllowed",
      "UnknownCode"
    ],
    "CheckUploadResult": [
      "Appointment",
      "InvalidInput",
      "OfficeNotAllowed",
      "UploadNotFound"
    ],
    "CounterAdminResult": [
      "AdminCounter",
      "CatalogItemInUse",
      "InvalidInput",
      "OfficeNotAllowed"
    ],
    "CounterResult": [
      "CounterBusy",
      "CounterNotFound",
      "CounterNotOpen",
      "CounterTaken",
      "OfficeNotAllowed",
      "QueueCounter"
    ],
    "CreateOfficeResult": [
      "InvalidInput",
      "OfficeDetails"
    ],
    "CreatePortalApiKeyResult": [
      "CreatedPortalApiKey",
      "InvalidInput"
    ],
    "DeleteCatalogItemResult": [
      "CatalogItemDeleted",
      "CatalogItemInUse",
      "InvalidInput",
      "OfficeNotAllowed"
    ],
    "DevicePairingCodeResult": [
      "DevicePairingCode",
      "InvalidInput",
      "OfficeNotAllowed"
    ],
    "DocumentAdminResult": [
      "AdminDocument",
      "CatalogItemInUse",
      "InvalidInput",
      "OfficeNotAllowed"
    ],
    "DocumentCheckListResult": [
      "DocumentCheckList",
      "InvalidInput",
      "OfficeNotAllowed"
    ],
    "ExpectedError": [
      "AppointmentNotChangeable",
      "AppointmentNotFound",
      "CatalogItemInUse",
      "CheckInCancelled",
      "CheckInTooEarly",
      "CheckInTooLate",
      "CheckInWrongOffice",
      "CounterBusy",
      "CounterNotFound",
      "CounterNotOpen",
      "CounterPaused",
      "CounterTaken",
      "InvalidCredentials",
      "InvalidInput",
      "LimitReached",
      "NotAllowed",
      "OfficeNotAllowed",
      "PairingCodeRejected",
      "PasswordLinkRefused",
      "QueueEmpty",
      "SlotUnavailable",
      "StaleTicket",
      "TicketEnded",
      "TicketNotFound",
      "TooManyAttempts",
      "UnknownCode",
      "UploadNotFound",
      "WalkInClosed"
    ],
    "ExtraOpeningDayResult": [
      "ExtraOpeningDay",
      "InvalidInput",
      "OfficeNotAllowed"
    ],
    "LeaveQueueResult": [
      "NotAllowed",
      "PublicTicket",
      "TicketNotFound"
    ],
    "LegalPageResult": [
      "InvalidInput",
      "LegalPage"
    ],
    "LoginResult": [
      "InvalidCredentials",
      "LoginSuccess",
      "TooManyAttempts"
    ],
    "ManagedAppointmentResult": [
      "Appointment",
      "AppointmentNotFound"
    ],
    "ManagedDeviceResult": [
      "InvalidInput",
      "ManagedDevice",
      "OfficeNotAllowed"
    ],
    "NotifyClosureResult": [
      "ClosureNotified",
      "InvalidInput",
      "OfficeNotAllowed"
    ],
    "OfficeAdministrationResult": [
      "InvalidInput",
      "OfficeAdministration",
      "OfficeNotAllowed"
    ],
    "OfficeCatalogResult": [
      "InvalidInput",
      "OfficeCatalog",
      "OfficeNotAllowed"
    ],
    "OfficeDetailsResult": [
      "InvalidInput",
      "OfficeDetails",
      "OfficeNotAllowed"
    ],
    "OfficeDevicesResult": [
      "InvalidInput",
      "OfficeDevices",
      "OfficeNotAllowed"
    ],
    "OfficeSettingsResult": [
      "InvalidInput",
      "OfficeNotAllowed",
      "OfficeSettings"
    ],
    "OfficeStatisticsResult": [
      "InvalidInput",
      "OfficeNotAllowed",
      "OfficeStatistics"
    ],
    "OpeningHoursResult": [
      "InvalidInput",
      "OfficeNotAllowed",
      "WeekdayHours"
    ],
    "PairDeviceResult": [
      "DevicePaired",
      "LimitReached",
      "PairingCodeRejected"
    ],
    "PasswordLinkResult": [
      "InvalidInput",
      "OfficeNotAllowed",
      "PasswordLink"
    ],
    "PortalApiKeyResult": [
      "InvalidInput",
      "PortalApiKey"
    ],
    "RemoveClosureResult": [
      "InvalidInput",
      "OfficeClosureRemoved",
      "OfficeNotAllowed"
    ],
    "ReplaceUploadResult": [
      "Appointment",
      "AppointmentNotChangeable",
      "AppointmentNotFound",
      "InvalidInput"
    ],
    "RequestManageLinkResult": [
      "InvalidInput",
      "LimitReached",
      "ManageLinkRequested"
    ],
    "RescheduleResult": [
      "Appointment",
      "AppointmentNotChangeable",
      "AppointmentNotFound",
      "InvalidInput",
      "SlotUnavailable"
    ],
    "ServiceAdminResult": [
      "AdminService",
      "CatalogItemInUse",
      "InvalidInput",
      "OfficeNotAllowed"
    ],
    "SetPasswordResult": [
      "InvalidInput",
      "PasswordLinkRefused",
      "PasswordSet",
      "TooManyAttempts"
    ],
    "StaffAccountResult": [
      "InvalidInput",
      "OfficeNotAllowed",
      "StaffAccount"
    ],
    "SubscribePushResult": [
      "InvalidInput",
      "PushSubscribed",
      "TicketEnded",
      "TicketNotFound"
    ],
    "TicketActionResult": [
      "CounterBusy",
      "CounterNotOpen",
      "InvalidInput",
      "NotAllowed",
      "OfficeNotAllowed",
      "QueueTicket",
      "StaleTicket",
      "TicketNotFound"
    ],
    "TrackedTicketResult": [
      "PublicTicket",
      "TicketNotFound"
    ],
    "UnsubscribePushResult": [
      "PushUnsubscribed",
      "TicketNotFound"
    ],
    "WalkInOverrideResult": [
      "InvalidInput",
      "OfficeNotAllowed",
      "WalkInServiceStatus"
    ],
    "WalkInResult": [
      "InvalidInput",
      "IssuedTicket",
      "OfficeNotAllowed",
      "WalkInClosed"
    ]
  }
};
      export default result;
    